'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/form-state';
import { FieldError, FormError } from './FormError';
import { SubmitButton } from './SubmitButton';

export type GroupSettingsValues = {
  name: string;
  description: string;
  city: string | null;
  region: string | null;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'request' | 'invite';
  postingPolicy: 'members' | 'signed_in';
  onePerProfession: boolean;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Set when editing; creating asks for the address (slug) instead. */
  groupSlug?: string;
  parentSlug?: string;
  initial?: GroupSettingsValues;
  submitLabel: string;
};

const CHOICES = {
  visibility: ['public', 'private'],
  joinPolicy: ['open', 'request', 'invite'],
  postingPolicy: ['members', 'signed_in'],
} as const;

/** The settings of a group, for creating one (or a circle) and for its owners to edit. */
export function GroupSettingsForm({ action, groupSlug, parentSlug, initial, submitLabel }: Props) {
  const t = useTranslations('groupSettings');
  const [state, formAction] = useActionState(action, {});
  const value = (name: keyof GroupSettingsValues) => state.values?.[name] ?? String(initial?.[name] ?? '');
  const errors = (name: string) => <FieldError id={`group-${name}-error`} messages={state.fieldErrors?.[name]} />;
  const text = (name: 'name' | 'city' | 'region', max: number) => (
    <>
      <label htmlFor={`group-${name}`}>{t(name)}</label>
      <input id={`group-${name}`} name={name} defaultValue={value(name)} maxLength={max} dir="auto" aria-describedby={`group-${name}-error`} />
      {errors(name)}
    </>
  );
  return (
    <form action={formAction} className="stack" noValidate>
      <FormError message={state.error} />
      {groupSlug ? <input type="hidden" name="groupSlug" value={groupSlug} /> : null}
      {parentSlug ? <input type="hidden" name="parentSlug" value={parentSlug} /> : null}
      {text('name', 120)}
      {groupSlug ? null : (
        <>
          <label htmlFor="group-slug">{t('slug')}</label>
          <input id="group-slug" name="slug" defaultValue={state.values?.slug} maxLength={60} aria-describedby="group-slug-hint group-slug-error" />
          <p className="hint" id="group-slug-hint">
            {t('slugHint')}
          </p>
          {errors('slug')}
        </>
      )}
      <label htmlFor="group-description">{t('description')}</label>
      <textarea id="group-description" name="description" rows={3} maxLength={2000} defaultValue={value('description')} dir="auto" />
      {errors('description')}
      {text('city', 80)}
      {text('region', 80)}
      {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((name) => (
        <fieldset key={name} aria-describedby={`group-${name}-error`}>
          <legend>{t(`${name}.legend`)}</legend>
          {CHOICES[name].map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" name={name} value={choice} defaultChecked={value(name) === choice || (!value(name) && choice === CHOICES[name][0])} />{' '}
              {t(`${name}.${choice}`)}
            </label>
          ))}
          {errors(name)}
        </fieldset>
      ))}
      <label className="choice">
        <input type="checkbox" name="onePerProfession" defaultChecked={value('onePerProfession') === 'true' || value('onePerProfession') === 'on'} /> {t('onePerProfession')}
      </label>
      {errors('onePerProfession')}
      <SubmitButton pendingLabel={t('saving')}>{submitLabel}</SubmitButton>
      {state.done ? <p role="status">{t('saved')}</p> : null}
    </form>
  );
}
