'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

/** Keys typed into a field are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Moves focus to the next (or previous) post of the thread on the page. */
function movePost(step: 1 | -1) {
  const posts = [...document.querySelectorAll<HTMLElement>('article.post')];
  if (posts.length === 0) return;
  const current = posts.findIndex((p) => p.contains(document.activeElement) || p === document.activeElement);
  const next = posts[Math.min(posts.length - 1, Math.max(0, current === -1 ? 0 : current + step))]!;
  next.tabIndex = -1;
  next.focus();
  next.scrollIntoView({ block: 'start' });
}

const SHORTCUTS = ['search', 'next', 'previous', 'reply', 'help'] as const;
const KEYS: Record<(typeof SHORTCUTS)[number], string> = { search: '/', next: 'j', previous: 'k', reply: 'r', help: '?' };

/**
 * Keyboard shortcuts for every page (/ search, j/k posts, r reply, ? this help), and the
 * dialog that lists them, opened with "?" or from the footer.
 */
export function KeyboardShortcuts() {
  const t = useTranslations('shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || dialog.current?.open) return;
      const focus = (selector: string) => {
        const field = document.querySelector<HTMLElement>(selector);
        if (!field) return;
        e.preventDefault();
        field.focus();
      };
      if (e.key === KEYS.search) focus('input[type="search"]');
      else if (e.key === KEYS.next) movePost(1);
      else if (e.key === KEYS.previous) movePost(-1);
      else if (e.key === KEYS.reply) focus('.reply-form textarea');
      else if (e.key === KEYS.help) dialog.current?.showModal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
        {t('open')}
      </button>
      <dialog ref={dialog} aria-labelledby="shortcuts-title" className="shortcuts-dialog">
        <h2 id="shortcuts-title">{t('title')}</h2>
        <dl>
          {SHORTCUTS.map((name) => (
            <div key={name}>
              <dt>
                <kbd>{KEYS[name]}</kbd>
              </dt>
              <dd>{t(name)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" className="button">
            {t('close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
