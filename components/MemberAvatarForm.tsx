'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { type ProfileFormState, removeAvatarAction, uploadAvatarAction } from '@/app/actions/members';
import { AVATAR_MAX_BYTES } from '@/lib/members/profile-rules';
import { FieldError, FormError } from './FormError';
import { MemberAvatar } from './MemberAvatar';
import { SubmitButton } from './SubmitButton';

const ACCEPTED = 'image/jpeg,image/png,image/gif,image/webp';

/**
 * Upload and removal of the member's photo: two small forms beside the profile form, so a
 * photo upload never carries (or loses) unsaved profile edits.
 */
export function MemberAvatarForm({ name, avatarUrl }: { name: string; avatarUrl: string | null }) {
  const t = useTranslations('profileForm');
  const [upload, uploadAction] = useActionState<ProfileFormState, FormData>((previous, formData) => {
    // Checked here too, so an oversized file is not sent only to be refused.
    const file = formData.get('avatar');
    if (file instanceof File && file.size > AVATAR_MAX_BYTES) return { error: t('avatarTooLarge') };
    return uploadAvatarAction(previous, formData);
  }, {});
  const [removal, removeAction] = useActionState<ProfileFormState, FormData>(removeAvatarAction, {});

  return (
    <div className="avatar-settings">
      <div className="avatar-current">
        {avatarUrl ? (
          <MemberAvatar name={name} src={avatarUrl} size="large" alt={t('currentAvatar')} />
        ) : (
          <>
            <MemberAvatar name={name} src={null} size="large" />
            <p className="meta">{t('noAvatar')}</p>
          </>
        )}
      </div>
      <div className="stack tight">
        <form action={uploadAction} className="stack tight" noValidate>
          <FormError message={upload.error} />
          {upload.saved ? (
            <p className="form-saved" role="status">
              {t('uploaded')}
            </p>
          ) : null}
          <label htmlFor="avatar-file">{t('avatar')}</label>
          <input
            id="avatar-file"
            name="avatar"
            type="file"
            accept={ACCEPTED}
            required
            aria-invalid={upload.fieldErrors?.avatar ? true : undefined}
            aria-describedby="avatar-hint avatar-error"
          />
          <p className="hint" id="avatar-hint">
            {t('avatarHint')}
          </p>
          <FieldError id="avatar-error" messages={upload.fieldErrors?.avatar?.filter((m) => m !== upload.error)} />
          <SubmitButton pendingLabel={t('uploading')}>{t('upload')}</SubmitButton>
        </form>
        {avatarUrl ? (
          <form action={removeAction} className="stack tight">
            <FormError message={removal.error} />
            <SubmitButton pendingLabel={t('removing')} className="button">
              {t('remove')}
            </SubmitButton>
          </form>
        ) : removal.saved ? (
          <p className="form-saved" role="status">
            {t('removed')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
