'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { SuggestionsJson } from '@/lib/search/search-json';
import { cycleOption, useDebouncedJson } from './combobox';
import { Highlighted } from './Highlighted';

type Suggestion = SuggestionsJson['suggestions'][number];

const MIN_LENGTH = 2;
const DELAY_MS = 150;

/** Threads matching what has been typed, fetched a moment after typing pauses. */
function useSuggestions(query: string): Suggestion[] {
  const text = query.trim();
  const json = useDebouncedJson<SuggestionsJson>(text.length >= MIN_LENGTH ? `/api/search/suggestions?q=${encodeURIComponent(text)}` : null, DELAY_MS);
  return json?.suggestions ?? [];
}

/**
 * The header's search box: a combobox (WAI-ARIA pattern) listing matching threads as the
 * searcher types. Arrow keys choose one, Enter opens it; otherwise Enter opens /search.
 */
export function SearchBox({ initialQuery = '' }: { initialQuery?: string }) {
  const t = useTranslations('search');
  const router = useRouter();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useSuggestions(query);
  const expanded = open && suggestions.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const go = (url: string) => {
    setOpen(false);
    router.push(url);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((current) => cycleOption(current, e.key === 'ArrowDown' ? 1 : -1, suggestions.length));
    } else if (e.key === 'Escape' && expanded) {
      // The first Escape closes the list; the next one clears the field, as search fields do.
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter' && expanded && active >= 0 && suggestions[active]) {
      e.preventDefault();
      go(suggestions[active].url);
    }
  };

  return (
    <form role="search" action="/search" method="get" className="site-search" aria-label={t('label')} onSubmit={() => setOpen(false)}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('label')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        name="q"
        value={query}
        placeholder={t('placeholder')}
        autoComplete="off"
        dir="auto"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      <button type="submit" className="button small">
        {t('submit')}
      </button>
      <ul id={`${id}-listbox`} role="listbox" aria-label={t('suggestions')} className="search-suggestions" hidden={!expanded}>
        {suggestions.map((suggestion, i) => (
          <li
            key={suggestion.url}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(suggestion.url)}
          >
            <span className="suggestion-title">
              <Highlighted segments={suggestion.title} />
            </span>
            <span className="meta">{suggestion.group}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="visually-hidden">
        {open && query.trim().length >= MIN_LENGTH ? t('suggestionCount', { count: suggestions.length }) : ''}
      </p>
    </form>
  );
}
