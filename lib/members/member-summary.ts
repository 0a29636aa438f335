import type { SignedInCtx } from '../context';
import { unreadCount } from '../notifications/list-notifications';

/** What the header shows of the signed-in member: their name and unread notifications. */
export type MemberSummary = { name: string; unread: number };

export async function memberSummary(ctx: SignedInCtx): Promise<MemberSummary> {
  return { name: ctx.viewer.name, unread: await unreadCount(ctx) };
}
