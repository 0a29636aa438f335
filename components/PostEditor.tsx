'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { LOCALE_NAMES, LOCALES } from '@/i18n/locales';
import { FieldError } from './FormError';
import { type MentionScope, useMentionSuggestions } from './MentionSuggestions';

const PREVIEW_DELAY_MS = 300;

/**
 * A Markdown textarea with a live preview. The preview is rendered by the server's
 * own renderer and sanitizer (/api/preview), so it shows exactly what will be posted.
 */
type Props = {
  defaultValue?: string;
  errors?: string[];
  autoFocus?: boolean;
  /** The post's language when editing; "auto" detects it. */
  language?: string | null;
  /** Where the post goes, for `@name` suggestions of who may read it; none without it. */
  mentionScope?: MentionScope;
};

export function PostEditor({ defaultValue = '', errors, autoFocus, language, mentionScope }: Props) {
  const t = useTranslations('editor');
  const id = useId();
  const [body, setBody] = useState(defaultValue);
  const [html, setHtml] = useState('');
  const mentions = useMentionSuggestions({ scope: mentionScope, id, value: body, setValue: setBody });

  useEffect(() => {
    if (!body.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const response = await fetch('/api/preview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body }),
        signal: controller.signal,
      }).catch(() => null);
      if (response?.ok) setHtml(((await response.json()) as { html: string }).html);
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body]);

  return (
    <div className="editor">
      <label htmlFor={`${id}-body`}>{t('label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('hint')} {mentionScope ? t('mentionHint') : null}
      </p>
      <div className="mention-field">
        <textarea
          id={`${id}-body`}
          name="body"
          rows={8}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${id}-hint ${id}-error`}
          aria-invalid={errors?.length ? true : undefined}
          autoFocus={autoFocus}
          dir="auto"
          required
          {...mentions.textareaProps}
        />
        {mentions.list}
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
      <label htmlFor={`${id}-language`}>{t('language')}</label>
      <select id={`${id}-language`} name="language" defaultValue={language ?? 'auto'}>
        <option value="auto">{t('detectLanguage')}</option>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <section className="preview" aria-label={t('preview')} aria-live="polite">
        <h3 className="preview-title">{t('preview')}</h3>
        {html && body.trim() ? <div className="post-body" dir="auto" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="hint">{t('previewEmpty')}</p>}
      </section>
    </div>
  );
}
