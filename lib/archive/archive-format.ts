/**
 * The cercle-archive JSON format (docs/archive-format.md): zod schema, and the checks
 * that span records (unique keys, references), each reported with its path.
 */
import { z } from 'zod';
import { MEMBER_NAME_MAX_LENGTH, POST_BODY_MAX_LENGTH, THREAD_TITLE_MAX_LENGTH } from '../rules';

const key = z.string().trim().min(1, 'must be a non-empty key').max(200, 'keys are limited to 200 characters');
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2025-01-10T09:00:00Z' });

const archivePost = z.strictObject({
  key,
  author: key,
  body: z.string().min(1, 'must not be empty').max(POST_BODY_MAX_LENGTH, `is longer than ${POST_BODY_MAX_LENGTH} characters`),
  createdAt: instant,
  editedAt: instant.optional(),
  deletedAt: instant.optional(),
});

const archiveThread = z.strictObject({
  key,
  group: key,
  title: z.string().trim().min(1, 'must not be empty').max(THREAD_TITLE_MAX_LENGTH, `is longer than ${THREAD_TITLE_MAX_LENGTH} characters`),
  author: key,
  createdAt: instant,
  pinned: z.boolean().default(false),
  closed: z.boolean().default(false),
  posts: z.array(archivePost).min(1, 'needs at least the opening post'),
});

const archiveGroup = z.strictObject({
  key,
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens').max(100),
  name: z.string().trim().min(1, 'must not be empty').max(120),
  description: z.string().max(2000).default(''),
  city: z.string().max(80).optional(),
  region: z.string().max(80).optional(),
  visibility: z.enum(['public', 'private']),
  joinPolicy: z.enum(['open', 'request', 'invite']),
  postingPolicy: z.enum(['members', 'signed_in']).default('members'),
  onePerProfession: z.boolean().default(false),
  parent: key.nullable().default(null),
  members: z.array(z.strictObject({ member: key, role: z.enum(['owner', 'moderator', 'member']) })).default([]),
});

const archiveMember = z.strictObject({
  key,
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  name: z.string().trim().min(1, 'must not be empty').max(MEMBER_NAME_MAX_LENGTH),
  profession: z.string().max(120).optional(),
  company: z.string().max(120).optional(),
  city: z.string().max(120).optional(),
  country: z.string().max(120).optional(),
  bio: z.string().max(1000).optional(),
  website: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  socialLinks: z.array(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' })).max(5).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language code such as "ar" or "fr"')).default([]),
});

export const archiveSchema = z.strictObject({
  format: z.literal('cercle-archive', 'must be "cercle-archive"'),
  version: z.literal(1, 'must be 1: the only version this Cercle reads'),
  members: z.array(archiveMember).default([]),
  groups: z.array(archiveGroup).default([]),
  threads: z.array(archiveThread).default([]),
});

export type Archive = z.infer<typeof archiveSchema>;
/** An archive as written to a file: fields with defaults may be left out. */
export type ArchiveInput = z.input<typeof archiveSchema>;
export type ArchiveProblem = { path: (string | number)[]; message: string };

function duplicates<T>(items: T[], keyOf: (item: T) => string, path: (i: number) => (string | number)[], what: string): ArchiveProblem[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const k = keyOf(item);
    if (seen.has(k)) return [{ path: path(i), message: `${what} "${k}" appears twice` }];
    seen.add(k);
    return [];
  });
}

/** Cross-record rules zod cannot see: unique keys, and every reference pointing at something in the file. */
export function crossCheck(archive: Archive): ArchiveProblem[] {
  const memberKeys = new Set(archive.members.map((m) => m.key));
  const groupKeys = new Set(archive.groups.map((g) => g.key));
  const problems: ArchiveProblem[] = [
    ...duplicates(archive.members, (m) => m.key, (i) => ['members', i, 'key'], 'member key'),
    ...duplicates(archive.members, (m) => m.email, (i) => ['members', i, 'email'], 'email'),
    ...duplicates(archive.groups, (g) => g.key, (i) => ['groups', i, 'key'], 'group key'),
    ...duplicates(archive.groups, (g) => g.slug, (i) => ['groups', i, 'slug'], 'slug'),
    ...duplicates(archive.threads, (t) => t.key, (i) => ['threads', i, 'key'], 'thread key'),
  ];
  const postKeys = new Set<string>();
  const member = (k: string, path: (string | number)[]) =>
    memberKeys.has(k) ? [] : [{ path, message: `refers to member "${k}", which is not in "members"` }];

  archive.groups.forEach((g, gi) => {
    if (g.parent !== null && (!groupKeys.has(g.parent) || g.parent === g.key)) {
      problems.push({ path: ['groups', gi, 'parent'], message: `refers to group "${g.parent}", which is not another group in "groups"` });
    }
    g.members.forEach((m, mi) => problems.push(...member(m.member, ['groups', gi, 'members', mi, 'member'])));
  });
  archive.threads.forEach((t, ti) => {
    if (!groupKeys.has(t.group)) problems.push({ path: ['threads', ti, 'group'], message: `refers to group "${t.group}", which is not in "groups"` });
    problems.push(...member(t.author, ['threads', ti, 'author']));
    t.posts.forEach((p, pi) => {
      problems.push(...member(p.author, ['threads', ti, 'posts', pi, 'author']));
      if (postKeys.has(p.key)) problems.push({ path: ['threads', ti, 'posts', pi, 'key'], message: `post key "${p.key}" appears twice` });
      postKeys.add(p.key);
    });
  });
  return problems;
}
