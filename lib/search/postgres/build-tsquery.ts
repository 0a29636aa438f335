import { sql } from 'drizzle-orm';
import { boolArray, intArray, textArray } from '@/db/sql-arrays';
import type { Db } from '@/db/client';
import type { SearchTerm } from '../query-syntax';
import { configsForWord } from './text-configs';
import { typoBudget, typoDistance } from './typo-distance';

type Analysed = { term: SearchTerm; prefix: boolean; stems: Map<string, string[]>; phrases: string[] };

/** Quoted for tsquery text: lexemes come from the stemmer, but may hold quotes or backslashes. */
function lexemeQuery(lexeme: string, { prefix, title }: { prefix: boolean; title: boolean }): string {
  const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const flags = `${prefix ? '*' : ''}${title ? 'A' : ''}`;
  return flags ? `${quoted}:${flags}` : quoted;
}

/** Every (word, configuration) pair stemmed in one round trip. */
async function analyse(db: Db, terms: SearchTerm[], prefixLast: boolean): Promise<Analysed[]> {
  const rows: { index: number; config: string; text: string; phrase: boolean }[] = [];
  terms.forEach((term, index) => {
    for (const config of configsForWord(term.text).all) rows.push({ index, config, text: term.text, phrase: term.phrase });
  });
  if (rows.length === 0) return [];
  const stemmed = await db.execute<{ i: number; config: string; lexemes: string[]; phrase: string | null }>(sql`
    select x.i, x.config,
      tsvector_to_array(to_tsvector(x.config::regconfig, cercle_search_text(x.t))) as lexemes,
      case when x.phrase then phraseto_tsquery(x.config::regconfig, cercle_search_text(x.t))::text end as phrase
    from unnest(${intArray(rows.map((r) => r.index))}, ${textArray(rows.map((r) => r.config))}, ${textArray(rows.map((r) => r.text))}, ${boolArray(rows.map((r) => r.phrase))})
      as x(i, config, t, phrase)`);
  return terms.map((term, index) => {
    const mine = stemmed.filter((row) => row.i === index);
    return {
      term,
      prefix: prefixLast && index === terms.length - 1 && !term.phrase && !term.excluded,
      stems: new Map(mine.map((row) => [row.config, row.lexemes])),
      phrases: mine.map((row) => row.phrase).filter((p): p is string => Boolean(p)),
    };
  });
}

/** A word too common to index in one of its languages ("the", "les", "и") is left out of the query. */
function isStopWord(word: Analysed): boolean {
  return configsForWord(word.term.text).stemmed.some((config) => (word.stems.get(config) ?? []).length === 0);
}

/** Index stems sharing trigrams with `stem`, most alike first. */
function similarLexemes(db: Db, stem: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Short words share few trigrams with their misspellings; the typo distance decides after.
    await tx.execute(sql`set local pg_trgm.similarity_threshold = 0.2`);
    const rows = await tx.execute<{ lexeme: string }>(sql`
      select lexeme from search_lexemes where lexeme % ${stem} order by similarity(lexeme, ${stem}) desc limit 20`);
    return rows.map((r) => r.lexeme);
  });
}

/**
 * Close spellings, within the word's typo budget, of stems that appear nowhere in the index:
 * "netwrok" finds "network". Only unknown words are widened, so a correct word is never
 * diluted by its neighbours.
 */
async function corrections(db: Db, words: Analysed[]): Promise<Map<Analysed, string[]>> {
  const candidates = words.filter((w) => !w.term.phrase && !w.term.excluded && !w.prefix && typoBudget(w.term.text) > 0);
  const found = new Map<Analysed, string[]>();
  if (candidates.length === 0) return found;
  const allStems = [...new Set(candidates.flatMap((w) => [...w.stems.values()].flat()))];
  const known = new Set(
    (await db.execute<{ lexeme: string }>(sql`select lexeme from search_lexemes where lexeme = any(${textArray(allStems)})`)).map((r) => r.lexeme),
  );
  for (const word of candidates) {
    const stems = [...new Set([...word.stems.values()].flat())];
    if (stems.length === 0 || stems.some((stem) => known.has(stem))) continue;
    const budget = typoBudget(word.term.text);
    const close = new Set<string>();
    for (const stem of stems) {
      for (const lexeme of await similarLexemes(db, stem)) if (typoDistance(stem, lexeme) <= budget) close.add(lexeme);
    }
    if (close.size > 0) found.set(word, [...close].slice(0, 5));
  }
  return found;
}

function wordQuery(word: Analysed, extra: string[], title: boolean): string {
  const options = { prefix: word.prefix, title };
  const alternatives = new Set<string>();
  for (const lexemes of word.term.phrase ? [] : word.stems.values()) {
    if (lexemes.length > 0) alternatives.add(lexemes.map((l) => lexemeQuery(l, options)).join(' & '));
  }
  for (const phrase of word.phrases) if (phrase) alternatives.add(phrase);
  for (const lexeme of extra) alternatives.add(lexemeQuery(lexeme, options));
  return [...alternatives].map((a) => `(${a})`).join(' | ');
}

/**
 * The tsquery text for a search, or null when nothing is left to look for (only stop
 * words, or only exclusions). Each word matches any of its stems, or a close spelling.
 */
export async function buildTsquery(db: Db, terms: SearchTerm[], { prefix, inTitle }: { prefix: boolean; inTitle: boolean }): Promise<string | null> {
  const words = await analyse(db, terms, prefix);
  const meaningful = words.filter((w) => w.term.phrase || w.prefix || !isStopWord(w));
  const positive = meaningful.filter((w) => !w.term.excluded && [...w.stems.values()].some((l) => l.length > 0));
  if (positive.length === 0) return null;
  const fixes = await corrections(db, positive);
  const parts: string[] = [];
  for (const word of meaningful) {
    const query = wordQuery(word, fixes.get(word) ?? [], inTitle && !word.term.excluded);
    if (!query) continue;
    parts.push(word.term.excluded ? `!(${query})` : `(${query})`);
  }
  return parts.join(' & ');
}
