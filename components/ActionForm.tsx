'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/form-state';
import { FormError } from './FormError';
import { SubmitButton } from './SubmitButton';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  pendingLabel: string;
  /** Asked before submitting, for actions that are hard to undo. */
  confirm?: string;
  className?: string;
  buttonClassName?: string;
  children?: React.ReactNode;
  /** Shown after success, e.g. a new invitation link to copy. */
  success?: (done: NonNullable<FormState['done']>) => React.ReactNode;
};

/** A form bound to one server action: hidden fields, optional inputs, a submit button, and the action's message. */
export function ActionForm({ action, hidden = {}, submitLabel, pendingLabel, confirm, className, buttonClassName, children, success }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className={className ?? 'inline-form'}
      onSubmit={confirm ? (e) => !window.confirm(confirm) && e.preventDefault() : undefined}
    >
      <FormError message={state.error} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton pendingLabel={pendingLabel} className={buttonClassName}>
        {submitLabel}
      </SubmitButton>
      {state.done && success ? <div role="status">{success(state.done)}</div> : null}
    </form>
  );
}
