'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { type ProfileFormState, updateProfileAction } from '@/app/actions/members';
import type { EditableProfile } from '@/lib/members/get-profile-for-edit';
import {
  BIO_MAX_LENGTH,
  COMPANY_MAX_LENGTH,
  LANGUAGE_CODES,
  PLACE_MAX_LENGTH,
  PROFESSION_MAX_LENGTH,
  SOCIAL_LINKS_MAX,
  URL_MAX_LENGTH,
} from '@/lib/members/profile-rules';
import { MEMBER_NAME_MAX_LENGTH } from '@/lib/rules';
import { FieldError, FormError } from './FormError';
import { languageName } from './MemberLanguages';
import { SubmitButton } from './SubmitButton';

type TextField = {
  name: 'name' | 'profession' | 'company' | 'city' | 'country' | 'website';
  maxLength: number;
  autoComplete: string;
  type?: 'url';
  hint?: boolean;
};

const TEXT_FIELDS: TextField[] = [
  { name: 'name', maxLength: MEMBER_NAME_MAX_LENGTH, autoComplete: 'name' },
  { name: 'profession', maxLength: PROFESSION_MAX_LENGTH, autoComplete: 'organization-title', hint: true },
  { name: 'company', maxLength: COMPANY_MAX_LENGTH, autoComplete: 'organization' },
  { name: 'city', maxLength: PLACE_MAX_LENGTH, autoComplete: 'address-level2' },
  { name: 'country', maxLength: PLACE_MAX_LENGTH, autoComplete: 'country-name' },
  { name: 'website', maxLength: URL_MAX_LENGTH, autoComplete: 'url', type: 'url', hint: true },
];

/** Errors for a list field and for any of its items ("languages", "languages.3"). */
function errorsFor(fieldErrors: Record<string, string[]> | undefined, name: string): string[] | undefined {
  const messages = Object.entries(fieldErrors ?? {})
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, m]) => m);
  return messages.length ? [...new Set(messages)] : undefined;
}

/** The member's own profile. A refused submission keeps everything typed, with each message beside its field. */
export function MemberProfileForm({ profile }: { profile: EditableProfile }) {
  const t = useTranslations('profileForm');
  const locale = useLocale();
  const [state, action] = useActionState<ProfileFormState, FormData>(updateProfileAction, {});
  const typed = state.values;
  const value = (name: TextField['name'] | 'bio') => typed?.[name] ?? profile[name] ?? '';
  const chosen = new Set(typed ? typed.languages?.split(',') : profile.languages);
  const links = Array.from({ length: SOCIAL_LINKS_MAX }, (_, i) => (typed ? typed[`socialLinks.${i}`] : profile.socialLinks[i]) ?? '');
  const languages = LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const invalid = (name: string) => (errorsFor(state.fieldErrors, name) ? true : undefined);
  const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <form action={action} className="stack profile-form" noValidate>
      <FormError message={state.error} />
      {state.saved ? (
        <p className="form-saved" role="status">
          {t('saved')}
        </p>
      ) : null}
      {TEXT_FIELDS.map((field) => (
        <div key={field.name} className="stack tight">
          <label htmlFor={`profile-${field.name}`}>{t(field.name)}</label>
          <input
            id={`profile-${field.name}`}
            name={field.name}
            type={field.type ?? 'text'}
            defaultValue={value(field.name)}
            maxLength={field.maxLength}
            autoComplete={field.autoComplete}
            required={field.name === 'name'}
            dir={field.type === 'url' ? 'ltr' : 'auto'}
            aria-invalid={invalid(field.name)}
            aria-describedby={described(field.hint && `profile-${field.name}-hint`, `profile-${field.name}-error`)}
          />
          {field.hint ? (
            <p className="hint" id={`profile-${field.name}-hint`}>
              {t(`${field.name}Hint` as 'professionHint' | 'websiteHint')}
            </p>
          ) : null}
          <FieldError id={`profile-${field.name}-error`} messages={errorsFor(state.fieldErrors, field.name)} />
        </div>
      ))}

      <fieldset className="profile-fieldset" aria-describedby="profile-languages-hint profile-languages-error">
        <legend>{t('languages')}</legend>
        <p className="hint" id="profile-languages-hint">
          {t('languagesHint')}
        </p>
        <div className="checkbox-grid">
          {languages.map(({ code, name }) => (
            <label key={code} className="checkbox">
              <input type="checkbox" name="languages" value={code} defaultChecked={chosen.has(code)} />
              {name}
            </label>
          ))}
        </div>
        <FieldError id="profile-languages-error" messages={errorsFor(state.fieldErrors, 'languages')} />
      </fieldset>

      <div className="stack tight">
        <label htmlFor="profile-bio">{t('bio')}</label>
        <textarea
          id="profile-bio"
          name="bio"
          rows={6}
          defaultValue={value('bio')}
          maxLength={BIO_MAX_LENGTH}
          dir="auto"
          aria-invalid={invalid('bio')}
          aria-describedby="profile-bio-hint profile-bio-error"
        />
        <p className="hint" id="profile-bio-hint">
          {t('bioHint')}
        </p>
        <FieldError id="profile-bio-error" messages={errorsFor(state.fieldErrors, 'bio')} />
      </div>

      <fieldset className="profile-fieldset" aria-describedby="profile-links-hint profile-links-error">
        <legend>{t('links')}</legend>
        <p className="hint" id="profile-links-hint">
          {t('linksHint')}
        </p>
        {links.map((link, i) => (
          <div key={i} className="stack tight">
            <label htmlFor={`profile-link-${i}`}>{t('link', { number: i + 1 })}</label>
            <input
              id={`profile-link-${i}`}
              name="socialLinks"
              type="url"
              defaultValue={link}
              maxLength={URL_MAX_LENGTH}
              autoComplete="off"
              dir="ltr"
              aria-invalid={state.fieldErrors?.[`socialLinks.${i}`] ? true : undefined}
              aria-describedby={`profile-link-${i}-error`}
            />
            <FieldError id={`profile-link-${i}-error`} messages={state.fieldErrors?.[`socialLinks.${i}`]} />
          </div>
        ))}
        <FieldError id="profile-links-error" messages={state.fieldErrors?.socialLinks} />
      </fieldset>

      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
