'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ThreadReading } from '@/lib/threads/thread-reading';
import { threadPostUrl } from '@/lib/threads/urls';
import { useMemberSummarySupplier } from './MemberSummaryProvider';

/** JSON turns the dates into strings; the forms want dates back. */
type Received = Omit<ThreadReading, 'posts' | 'silence'> & {
  posts: Record<number, Omit<ThreadReading['posts'][number], 'bookmark'> & { bookmark: { note: string | null; remindAt: string | null } | null }>;
  silence: { until: string; reason: string } | null;
};

function revive(received: Received): ThreadReading {
  const posts = Object.fromEntries(
    Object.entries(received.posts).map(([id, post]) => [id, { ...post, bookmark: post.bookmark && { ...post.bookmark, remindAt: post.bookmark.remindAt === null ? null : new Date(post.bookmark.remindAt) } }]),
  );
  return { ...received, posts, silence: received.silence && { ...received.silence, until: new Date(received.silence.until) } };
}

const ReadingContext = createContext<ThreadReading | null>(null);

/** The member's own part of a thread page shared among members, once it has arrived; null before (or on any other page). */
export function useThreadReading(): ThreadReading | null {
  return useContext(ReadingContext);
}

/** `shared`: the page is shared among members, so the member's part is asked for; otherwise it came with the page. */
type Props = { threadId: number; page: number; shared: boolean; openWhereLeftOff: boolean; children: React.ReactNode };

/**
 * Around a thread page shared among members: asks for the member's own part of it
 * (app/api/threads/[id]/reading), which also records the page as read and brings the header
 * its member summary, and opens the thread where they left off when they came without a page,
 * as a page of their own would have.
 */
export function ThreadReadingProvider({ threadId, page, shared, openWhereLeftOff, children }: Props) {
  const router = useRouter();
  const [reading, setReading] = useState<ThreadReading | null>(null);
  const summary = useMemberSummarySupplier();
  useEffect(() => {
    if (!shared) return;
    summary?.willSupply();
    let stopped = false;
    fetch(`/api/threads/${threadId}/reading`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ page }) })
      .then((response) => (response.ok ? (response.json() as Promise<Received>) : null))
      .then((received) => {
        if (stopped || !received) return;
        summary?.supply(received.member);
        if (openWhereLeftOff && received.firstUnread !== null && received.firstUnread > 1) router.replace(threadPostUrl(threadId, received.firstUnread));
        else setReading(revive(received));
      })
      .catch(() => {
        // Offline for a moment: the page still reads; a reload brings the member's actions.
      });
    return () => {
      stopped = true;
    };
  }, [threadId, page, shared, openWhereLeftOff, router, summary]);
  return <ReadingContext value={shared ? reading : null}>{children}</ReadingContext>;
}
