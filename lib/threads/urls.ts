import { pageOfPost } from './get-thread-page';

/**
 * The address of a post: its thread page and anchor. The page is always explicit: a bare
 * /t/<id> opens at the first unread post, and the #anchor never reaches the server.
 */
export function threadPostUrl(threadId: number, number: number): string {
  return `/t/${threadId}?page=${pageOfPost(number)}#p${number}`;
}
