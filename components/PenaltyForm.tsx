'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/form-state';
import { PENALTY_DAYS } from '@/lib/moderation/penalty-schemas';
import { ActionForm } from './ActionForm';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  kind: 'silence' | 'suspend';
  /** The member's name, for the labels. */
  name: string;
  /** A unique prefix for the field ids. */
  idPrefix: string;
};

/** Silence (in a group) or suspend (from the site) for some days with a reason, behind a disclosure. */
export function PenaltyForm({ action, hidden, kind, name, idPrefix }: Props) {
  const t = useTranslations('penalty');
  return (
    <details className="penalty">
      <summary aria-label={t(`${kind}Label`, { name })}>{t(kind)}</summary>
      <ActionForm action={action} hidden={hidden} submitLabel={t(`${kind}Submit`, { name })} pendingLabel={t('saving')} className="stack tight" buttonClassName="button small danger">
        <label htmlFor={`${idPrefix}-days`}>{t('days')}</label>
        <select id={`${idPrefix}-days`} name="days" defaultValue="7">
          {PENALTY_DAYS.map((days) => (
            <option key={days} value={days}>
              {t('dayCount', { days })}
            </option>
          ))}
        </select>
        <label htmlFor={`${idPrefix}-reason`}>{t('reason')}</label>
        <input id={`${idPrefix}-reason`} name="reason" required maxLength={300} dir="auto" />
      </ActionForm>
    </details>
  );
}
