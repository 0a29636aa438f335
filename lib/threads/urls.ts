import { pageOfPost } from './get-thread-page';

/** The address of a post: its thread page and anchor. */
export function threadPostUrl(threadId: number, number: number): string {
  const page = pageOfPost(number);
  return `/t/${threadId}${page > 1 ? `?page=${page}` : ''}#p${number}`;
}
