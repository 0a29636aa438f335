import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The sentences lib/ shows to people (error messages of verbs and of their zod schemas), found
 * in the source as string literals that read as sentences. A template's `${…}` parts become
 * numbered placeholders, `{1}`, `{2}`…: the keys of messages/<locale>/errors.json.
 */
const SHOWN_FROM = ['lib'];
/** Command-line tools and internals whose messages reach operators, not members, in English. */
const NOT_SHOWN = [/\.test\.ts$/, /^lib\/archive\//, /^lib\/env\.ts$/, /^lib\/mail\//, /^lib\/search\/(postgres|meilisearch)\//];

const LITERAL = /'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
/** Field names that schemas put into their messages ("City is limited to 80 characters."). */
const FIELD_LABEL = /\b(?:optionalText|filterText|httpUrl)\((?:[^()']*,\s*)?'([^']+)'\)/g;
const SENTENCE = /^([A-Z]|\{1\} )[^\n]*[ ][^\n]*[.?!]$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `${a} and ${b}` → `{1} and {2}`. */
export function templateKey(source: string): string {
  let n = 0;
  return source.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, () => `{${++n}}`);
}

export function domainMessageKeys(root: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of SHOWN_FROM.flatMap((dir) => files(path.join(root, dir)))) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (NOT_SHOWN.some((pattern) => pattern.test(relative))) continue;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(FIELD_LABEL)) keys.set(match[1]!, relative);
    for (const match of source.matchAll(LITERAL)) {
      const text = (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1');
      const key = templateKey(text);
      if (SENTENCE.test(key) && !/^(select|insert|update|delete|with) /i.test(key)) keys.set(key, relative);
    }
  }
  return keys;
}
