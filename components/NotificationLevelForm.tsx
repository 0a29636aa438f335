'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/form-state';
import { NOTIFICATION_LEVELS, type NotificationLevel } from '@/lib/notifications/kinds';
import { ActionForm } from './ActionForm';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  level: NotificationLevel;
  /** 'thread' or 'group': what the choice applies to, for the label. */
  scope: 'thread' | 'group';
};

/** How much the member hears about this thread or group: watching, tracking, normal or muted. */
export function NotificationLevelForm({ action, hidden, level, scope }: Props) {
  const t = useTranslations('notificationLevel');
  const id = `notification-level-${scope}`;
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={t('save')} pendingLabel={t('saving')} buttonClassName="button small" className="inline-form notification-level">
      <label htmlFor={id}>{t(`label.${scope}`)}</label>
      {/* Keyed by the saved level: React resets a submitted form to its defaults, and a select keeps
          the default it was created with, so only a new select shows the level just saved. */}
      <select key={level} id={id} name="level" defaultValue={level}>
        {NOTIFICATION_LEVELS.map((option) => (
          <option key={option} value={option}>
            {t(`option.${option}`)}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
