import type { Ctx } from '../context';
import { readableGroups, type GroupSummary } from '../members/readable-groups';

/**
 * Every group the searcher may read, decided by the permission module at the moment of the
 * search: a group turned private, or a member who left, drops out of the next query.
 */
export async function searchableGroups(ctx: Ctx): Promise<Map<number, GroupSummary>> {
  return readableGroups(ctx, 'all');
}

/** The choices of the search page's group filter: only groups the searcher may read. */
export async function groupFilterChoices(ctx: Ctx): Promise<{ slug: string; name: string }[]> {
  const readable = await searchableGroups(ctx);
  return [...readable.values()].map(({ slug, name }) => ({ slug, name })).sort((a, b) => a.name.localeCompare(b.name));
}
