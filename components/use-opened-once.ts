'use client';

import { type RefObject, type SyntheticEvent, useEffect, useRef, useState } from 'react';

type DetailsProps = { ref: RefObject<HTMLDetailsElement | null>; onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => void };

/**
 * For a <details> whose contents are rendered only once it has been opened: a page of twenty
 * posts then carries twenty summaries rather than forty forms, which the server would render
 * and send on every view although few readers ever open one. Spread the props on the <details>.
 */
export function useOpenedOnce(): [boolean, DetailsProps] {
  const [opened, setOpened] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page's script ran: no toggle event will come for it.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return [opened, { ref, onToggle: (event) => setOpened((was) => was || event.currentTarget.open) }];
}
