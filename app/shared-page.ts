import { headers } from 'next/headers';
import { SHARED_PAGE_HEADER } from '@/lib/page-cache/page-cache';

/**
 * True while the page is rendered to be shared among members who read the same groups
 * (lib/page-cache/page-cache.ts): it must then leave out whatever is the viewer's own.
 */
export async function isSharedPage(): Promise<boolean> {
  return (await headers()).get(SHARED_PAGE_HEADER) === 'member';
}
