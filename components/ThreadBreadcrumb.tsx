import Link from 'next/link';
import { threadPostUrl } from '@/lib/threads/urls';

/** Back to a post in its thread, for pages about one post (edit, history). */
export function ThreadBreadcrumb({ label, thread, number }: { label: string; thread: { id: number; title: string }; number: number }) {
  return (
    <nav aria-label={label} className="breadcrumb">
      <Link href={threadPostUrl(thread.id, number)} dir="auto">
        {thread.title}
      </Link>
    </nav>
  );
}
