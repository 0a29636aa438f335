'use client';

import { useEffect, useState } from 'react';

/**
 * The JSON answer at `url`, fetched once `url` has stayed the same for `delayMs` (while someone
 * types); a newer URL cancels the older request. A null URL clears the answer. A failed or
 * cancelled request keeps the previous answer: suggestions are a help, never in the way.
 */
export function useDebouncedJson<T>(url: string | null, delayMs: number): T | null {
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (!url) return setData(null);
      try {
        const response = await fetch(url, { signal: controller.signal });
        if (response.ok) setData((await response.json()) as T);
      } catch {
        // Cancelled by a newer URL, or offline: the previous answer stands.
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, delayMs]);
  return data;
}

/** The option an arrow key moves to in a list of `count`, where -1 is the text field itself: moving past either end comes back to it. */
export function cycleOption(current: number, step: 1 | -1, count: number): number {
  const next = current + step;
  return next >= count ? -1 : next < -1 ? count - 1 : next;
}
