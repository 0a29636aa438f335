'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { MemberSummary } from '@/lib/members/member-summary';

type Supplier = {
  /** Called by a page that brings the summary with its own request, in its effect (which runs before this provider's). */
  willSupply: () => void;
  supply: (summary: MemberSummary) => void;
};

const SummaryContext = createContext<MemberSummary | null>(null);
const SupplierContext = createContext<Supplier | null>(null);

/** The signed-in member's name and unread count on a page shared among members, once known; null elsewhere. */
export function useMemberSummary(): MemberSummary | null {
  return useContext(SummaryContext);
}

/** For a page whose own request answers the summary too (a thread page's reading), saving the header a request. Stable. */
export function useMemberSummarySupplier(): Supplier | null {
  return useContext(SupplierContext);
}

/**
 * Around a page shared among members (`shared`), whose header was rendered without the
 * member: asks who is signed in (GET /api/me), unless the page said it brings that itself.
 */
export function MemberSummaryProvider({ shared, children }: { shared: boolean; children: React.ReactNode }) {
  const [summary, setSummary] = useState<MemberSummary | null>(null);
  const supplied = useRef(false);
  const willSupply = useCallback(() => {
    supplied.current = true;
  }, []);
  useEffect(() => {
    if (!shared || supplied.current) return;
    let stopped = false;
    fetch('/api/me', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<MemberSummary | null>) : null))
      .then((me) => {
        if (!stopped && me) setSummary(me);
      })
      .catch(() => {
        // Offline for a moment: the header's links still work, and the bell polls again.
      });
    return () => {
      stopped = true;
    };
  }, [shared]);
  const supplier = useMemo(() => ({ willSupply, supply: setSummary }), [willSupply]);
  return (
    <SupplierContext value={supplier}>
      <SummaryContext value={summary}>{children}</SummaryContext>
    </SupplierContext>
  );
}
