import { Lexer, marked, type Token } from 'marked';
import { MAX_MENTIONS_PER_POST } from './kinds';
import { mentionPattern, trimHandle } from './mention-token';

/**
 * The handles a post mentions, lower-cased, each once, in the order written, at most
 * MAX_MENTIONS_PER_POST of them. The body is read as Markdown, the way it is rendered, so an
 * `@name` inside a code span or block (an example, a log line) mentions nobody.
 */
export function parseMentions(body: string): string[] {
  const handles = new Set<string>();
  for (const text of proseOf(Lexer.lex(body, { gfm: true }))) {
    for (const match of text.matchAll(mentionPattern())) {
      const handle = trimHandle(match[1]!.toLowerCase());
      if (handle) handles.add(handle);
      // A post naming thousands of people stops here rather than reading them all.
      if (handles.size >= MAX_MENTIONS_PER_POST) return [...handles];
    }
  }
  return [...handles];
}

/**
 * The runs of plain text a reader sees, in order. Code spans and blocks have no text leaves, so
 * they drop out. Leaves are read apart: `x@y.z` is one leaf (not a mention), `**x**@y` two
 * (mentions y), and an escaped `\@y` leaves the `@` in a leaf of its own (mentions nobody).
 */
function proseOf(tokens: Token[]): string[] {
  const leaves: string[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'text' && !token.tokens?.length) leaves.push(token.text);
  });
  return leaves;
}
