import { z } from 'zod';
import { SEARCH_ORDERS, SEARCH_STATUSES, searchDate } from './query-syntax';

export const SEARCH_PAGE_SIZE = 20;
/** Results past the ranked window (lib/search/postgres/search-posts.ts) are not paged to. */
export const SEARCH_MAX_PAGE = 25;
export const SEARCH_QUERY_MAX_LENGTH = 300;

/** A control left empty, or filled with something meaningless, is simply not a filter: a search never fails on it. */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), z.string().max(200).optional());
const optionalDay = z.preprocess((v) => (typeof v === 'string' ? searchDate(v.trim()) : undefined), z.string().optional());
const optionalChoice = <T extends readonly [string, ...string[]]>(choices: T) =>
  z.preprocess((v) => (typeof v === 'string' && (choices as readonly string[]).includes(v) ? v : undefined), z.enum(choices).optional());

export const searchInputSchema = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.slice(0, SEARCH_QUERY_MAX_LENGTH) : ''), z.string()),
  group: optionalText,
  author: optionalText,
  after: optionalDay,
  before: optionalDay,
  status: optionalChoice(SEARCH_STATUSES),
  in: optionalChoice(['title'] as const),
  sort: optionalChoice(SEARCH_ORDERS),
  page: z.preprocess((v) => {
    const page = Number(v);
    return Number.isInteger(page) && page >= 1 ? Math.min(page, SEARCH_MAX_PAGE) : 1;
  }, z.number()),
});

export type SearchInput = z.input<typeof searchInputSchema>;
