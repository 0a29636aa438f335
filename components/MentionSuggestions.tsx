'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { MentionableMember } from '@/lib/notifications/mentionable-members';
import { insertMention, mentionTokenAt, type MentionToken } from '@/lib/notifications/mention-token';
import { cycleOption, useDebouncedJson } from './combobox';

/** Where a post will appear, which decides who may be mentioned in it (app/api/mentions). */
export type MentionScope = { threadId: number } | { groupSlug: string };

const DELAY_MS = 150;

function mentionsUrl(scope: MentionScope, query: string): string {
  const where: [string, string] = 'threadId' in scope ? ['thread', String(scope.threadId)] : ['group', scope.groupSlug];
  return `/api/mentions?${new URLSearchParams([where, ['q', query]])}`;
}

const sameToken = (a: MentionToken | null, b: MentionToken | null) => a?.start === b?.start && a?.end === b?.end && a?.query === b?.query;

type Options = { scope?: MentionScope; id: string; value: string; setValue: (value: string) => void };

/**
 * `@name` autocomplete for a textarea: once the caret follows `@` and a character, the members
 * who could be mentioned there are listed under it. ArrowDown/ArrowUp choose one, Enter or Tab
 * puts in `@handle `, Escape closes the list. Until an arrow key picks an option, Enter and Tab
 * keep their usual meaning (a new line, the next field).
 *
 * The textarea keeps its own role: HTML allows no role on a textarea (axe checks this), so it is
 * a textbox with `aria-autocomplete`, `aria-controls` and `aria-activedescendant`, the way
 * GitHub's comment box offers mentions, and a status line says how many people are listed.
 */
export function useMentionSuggestions({ scope, id, value, setValue }: Options) {
  const t = useTranslations('editor');
  const [token, setToken] = useState<MentionToken | null>(null);
  const [active, setActive] = useState(-1);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const json = useDebouncedJson<{ members: MentionableMember[] }>(scope && token ? mentionsUrl(scope, token.query) : null, DELAY_MS);
  const suggestions = scope && token ? (json?.members ?? []) : [];
  const expanded = suggestions.length > 0;
  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-mention-${i}`;

  /** Follows the caret: typing, clicking and arrow keys outside the list all move it. */
  const track = (e: React.SyntheticEvent<HTMLTextAreaElement>) => {
    const { value: text, selectionStart, selectionEnd } = e.currentTarget;
    const next = selectionStart === selectionEnd ? mentionTokenAt(text, selectionStart) : null;
    if (sameToken(token, next)) return;
    setToken(next);
    setActive(-1);
  };

  const choose = (i: number) => {
    const member = suggestions[i];
    const textarea = textareaRef.current;
    if (!token || !member || !textarea) return;
    const { text, caret } = insertMention(value, token, member.handle);
    setValue(text);
    setToken(null);
    setActive(-1);
    // After React has put the new text in, which leaves the caret at the end.
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(caret, caret);
    });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!expanded) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current) => cycleOption(current, e.key === 'ArrowDown' ? 1 : -1, suggestions.length));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setToken(null);
      setActive(-1);
    }
  };

  const textareaProps = scope
    ? {
        ref: textareaRef,
        onSelect: track,
        onInput: track,
        onKeyDown,
        onBlur: () => setToken(null),
        'aria-autocomplete': 'list' as const,
        'aria-controls': listId,
        'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
      }
    : {};

  const list = scope ? (
    <>
      <ul id={listId} role="listbox" aria-label={t('mentions')} className="search-suggestions" hidden={!expanded}>
        {suggestions.map((member, i) => (
          <li
            key={member.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Keeps the focus (and the caret) in the textarea.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            <span className="suggestion-title" dir="auto">
              {member.name}
            </span>{' '}
            <span className="meta" dir="auto">
              @{member.handle}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="visually-hidden">
        {expanded ? t('mentionCount', { count: suggestions.length }) : ''}
      </p>
    </>
  ) : null;

  return { textareaProps, list };
}
