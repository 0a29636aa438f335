/**
 * The search syntax members know from Discourse and GitHub: words, "exact phrases",
 * -excluded words, and filters (group:, author:, before:, after:, status:, in:title,
 * order:). Anything that is not a well-formed filter is searched as text, so no query
 * is ever an error.
 */
export const SEARCH_STATUSES = ['open', 'closed', 'pinned', 'archived'] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];
export const SEARCH_ORDERS = ['relevance', 'newest', 'oldest', 'replies'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export type SearchTerm = { text: string; phrase: boolean; excluded: boolean };

export type ParsedQuery = {
  terms: SearchTerm[];
  group?: string;
  author?: string;
  before?: string;
  after?: string;
  status?: SearchStatus;
  inTitle?: boolean;
  order?: SearchOrder;
};

const ORDER_ALIASES: Record<string, SearchOrder> = { relevance: 'relevance', latest: 'newest', newest: 'newest', oldest: 'oldest', replies: 'replies' };

/** YYYY, YYYY-MM or YYYY-MM-DD, as an ISO day (the first of the month or year when shorter). */
export function searchDate(value: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (!match) return undefined;
  const [year, month = 1, day = 1] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

type Token = { raw: string; value: string; quoted: boolean; excluded: boolean; key?: string };

/** Splits on white space, keeping "quoted runs" (also as a filter's value) together. */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(-?)(?:([\p{L}]+):)?"([^"]*)"?|\S+/gu;
  for (const match of query.matchAll(pattern)) {
    const raw = match[0];
    if (match[3] !== undefined) {
      tokens.push({ raw, value: match[3].trim(), quoted: true, excluded: match[1] === '-' && !match[2], key: match[2] });
      continue;
    }
    const filter = /^([\p{L}]+):(.+)$/u.exec(raw);
    if (filter) tokens.push({ raw, value: filter[2]!, quoted: false, excluded: false, key: filter[1] });
    else if (raw.startsWith('-') && raw.length > 1) tokens.push({ raw, value: raw.slice(1), quoted: false, excluded: true });
    else tokens.push({ raw, value: raw, quoted: false, excluded: false });
  }
  return tokens;
}

/** Applies a key:value filter; false when it is not one, so the token is searched as text. */
function applyFilter(parsed: ParsedQuery, key: string, value: string): boolean {
  const lower = value.toLowerCase();
  switch (key.toLowerCase()) {
    case 'group':
      return value.length > 0 && Boolean((parsed.group = lower));
    case 'author':
    case 'user':
      return value.length > 0 && Boolean((parsed.author = value));
    case 'before':
    case 'after': {
      const date = searchDate(value);
      if (!date) return false;
      parsed[key.toLowerCase() as 'before' | 'after'] = date;
      return true;
    }
    case 'status':
      if (!(SEARCH_STATUSES as readonly string[]).includes(lower)) return false;
      parsed.status = lower as SearchStatus;
      return true;
    case 'in':
      return lower === 'title' && (parsed.inTitle = true);
    case 'order':
    case 'sort': {
      const order = ORDER_ALIASES[lower];
      return order !== undefined && Boolean((parsed.order = order));
    }
    default:
      return false;
  }
}

export function parseSearchQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [] };
  for (const token of tokenize(query.normalize('NFC'))) {
    if (token.key && applyFilter(parsed, token.key, token.value)) continue;
    const text = token.key ? token.raw.replace(/"/g, '') : token.value;
    // Punctuation alone ("-", "…") carries nothing to search for.
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    parsed.terms.push({ text, phrase: token.quoted && /\s/.test(text), excluded: token.excluded });
  }
  return parsed;
}

/** The words a search looks for (not those it excludes): what the results page echoes. */
export function searchedWords(parsed: ParsedQuery): string[] {
  return parsed.terms.filter((term) => !term.excluded).map((term) => term.text);
}
