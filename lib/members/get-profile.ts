import { eq } from 'drizzle-orm';
import { groupMembers, members } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import type { GroupRole } from '../permissions';
import { EXCERPT_LENGTH } from './profile-rules';
import { safeHttpUrl } from './profile-schemas';
import { recentReadablePosts } from './recent-posts';
import { type ListedMember, profileColumns } from './profile-columns';
import { avatarUrl } from './urls';

export type ProfileGroup = { slug: string; name: string; role: GroupRole; visibility: 'public' | 'private' };

export type ProfilePost = {
  postId: number;
  threadId: number;
  threadTitle: string;
  groupSlug: string;
  groupName: string;
  number: number;
  createdAt: Date;
  /** Plain text, never HTML: the page renders it as text. */
  excerpt: string;
};

export type Profile = {
  member: ListedMember & { handle: string; bio: string | null; website: string | null; socialLinks: string[] };
  /** Only groups the viewer may read: a private group the viewer cannot read is not even named. */
  groups: ProfileGroup[];
  /** The latest live posts in threads the viewer may read, newest first. */
  recentPosts: ProfilePost[];
  isSelf: boolean;
};

/**
 * A member's public profile as this viewer may see it. The member's own details are public;
 * their groups and posts are filtered through canReadGroup (with parent groups), so the
 * profile of a fellow chapter member shows the chapter only to those who can read it.
 */
export async function getProfile(ctx: Ctx, memberId: number): Promise<Profile> {
  // Explicit columns: the email address and password hash never leave this query.
  const [member] = await ctx.db
    .select(profileColumns)
    .from(members)
    .where(eq(members.id, memberId))
    .limit(1);
  if (!member) throw new NotFoundError('No such member.');

  const memberships = await ctx.db
    .select({ groupId: groupMembers.groupId, role: groupMembers.role })
    .from(groupMembers)
    .where(eq(groupMembers.memberId, member.id));
  const { readable, rows } = await recentReadablePosts(ctx, member.id, memberships.map((m) => m.groupId));

  const groups: ProfileGroup[] = memberships
    .flatMap(({ groupId, role }) => {
      const group = readable.get(groupId);
      return group ? [{ slug: group.slug, name: group.name, role, visibility: group.visibility }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const { avatarUpdatedAt, website, socialLinks, ...details } = member;
  return {
    member: {
      ...details,
      // Imported profiles were never through our URL check: only http(s) links reach a page.
      website: safeHttpUrl(website),
      socialLinks: socialLinks.map(safeHttpUrl).filter((url): url is string => url !== null),
      hasAvatar: avatarUpdatedAt !== null,
      avatarUrl: avatarUrl(member.id, avatarUpdatedAt),
    },
    groups,
    recentPosts: rows.map((row) => {
      const group = readable.get(row.groupId)!;
      return {
        postId: row.postId,
        threadId: row.threadId,
        threadTitle: row.threadTitle,
        groupSlug: group.slug,
        groupName: group.name,
        number: row.number,
        createdAt: row.createdAt,
        excerpt: plainExcerpt(row.html, EXCERPT_LENGTH),
      };
    }),
    isSelf: ctx.viewer?.id === member.id,
  };
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Sanitized post HTML to a line of plain text, cut at a word boundary. */
export function plainExcerpt(html: string, max: number): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    // The source was cut short: drop a tag left open at the end.
    .replace(/<[^>]*$/, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code[0] !== '#') return NAMED_ENTITIES[code.toLowerCase()] ?? entity;
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : '';
    })
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  // Never split a character outside the Basic Multilingual Plane (emoji, some CJK) in two.
  const cut = text.slice(0, /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
