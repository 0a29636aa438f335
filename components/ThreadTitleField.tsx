import { THREAD_TITLE_MAX_LENGTH } from '@/lib/rules';
import { FieldError } from './FormError';

type Props = { id: string; label: string; value?: string; errors?: string[] };

/** A thread's title input with its label and its refusal, where a thread is started or split off. */
export function ThreadTitleField({ id, label, value, errors }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="title"
        key={value}
        defaultValue={value}
        maxLength={THREAD_TITLE_MAX_LENGTH}
        required
        dir="auto"
        aria-invalid={errors ? true : undefined}
        aria-describedby={`${id}-error`}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </>
  );
}
