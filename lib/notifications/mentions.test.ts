import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS_PER_POST } from './kinds';
import { parseMentions } from './mentions';

describe('parseMentions', () => {
  it('finds handles in order, lower-cased, each once', () => {
    expect(parseMentions('Thanks @Leila.Benali and @james.carter! @leila.benali again, cc @james.carter.')).toEqual(['leila.benali', 'james.carter']);
  });

  it('reads handles in any script', () => {
    expect(parseMentions('شكراً @أمينة.حداد و @Иван_Петров, @प्रिया.शर्मा')).toEqual(['أمينة.حداد', 'иван_петров', 'प्रिया.शर्मा']);
  });

  it('trims the punctuation that ends a sentence, never the handle', () => {
    expect(parseMentions('Ask @bob. Or @ann-marie... or @x_1.')).toEqual(['bob', 'ann-marie', 'x_1']);
    expect(parseMentions('Ask @... anyone')).toEqual([]);
  });

  it('mentions at the start of a line, in emphasis, links, lists, quotes and tables', () => {
    const body = '@first\n\n**@bold** _@em_ [@linked](https://example.com)\n\n- @item\n\n> @quoted\n\n| a |\n|---|\n| @cell |';
    expect(parseMentions(body)).toEqual(['first', 'bold', 'em', 'linked', 'item', 'quoted', 'cell']);
  });

  it('ignores code spans and blocks', () => {
    const body = [
      'Run `npm i @types/node` or ``@double ` tick`` first, @real.',
      '```',
      'git log --author=@fenced',
      '```',
      '~~~ts',
      'const a = "@tilde";',
      '~~~',
      '',
      '    @indented code',
    ].join('\n');
    expect(parseMentions(body)).toEqual(['real']);
  });

  it('ignores e-mail addresses, @ inside words and links, and escaped @', () => {
    expect(parseMentions('Write to leila@example.com or x@y.z, see https://medium.com/@writer, a@@b, \\@escaped')).toEqual([]);
    expect(parseMentions('(@paren) "@quoted" ,@comma')).toEqual(['paren', 'quoted', 'comma']);
  });

  it(`keeps only the first ${MAX_MENTIONS_PER_POST}, quickly, of a post naming 10,000 people`, () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `@member${i}`).join(' ');
    const started = performance.now();
    const handles = parseMentions(body);
    expect(performance.now() - started).toBeLessThan(500);
    expect(handles).toEqual(Array.from({ length: MAX_MENTIONS_PER_POST }, (_, i) => `member${i}`));
  });

  it('answers quickly for adversarial Markdown', () => {
    const started = performance.now();
    expect(parseMentions('`a '.repeat(5_000) + '@late')).toEqual(['late']);
    expect(parseMentions('@'.repeat(20_000) + 'x'.repeat(10_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
