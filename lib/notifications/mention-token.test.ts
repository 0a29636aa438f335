import { describe, expect, it } from 'vitest';
import { insertMention, mentionTokenAt } from './mention-token';

/** The text with `|` marking the caret. */
const at = (marked: string) => mentionTokenAt(marked.replace('|', ''), marked.indexOf('|'));

describe('mentionTokenAt', () => {
  it('finds the @handle being typed, once a character follows the @', () => {
    expect(at('Hello @ja|')).toEqual({ start: 6, end: 9, query: 'ja' });
    expect(at('@j|')).toEqual({ start: 0, end: 2, query: 'j' });
    expect(at('Hello @|')).toBeNull();
    expect(at('Hello ja|')).toBeNull();
  });

  it('takes in the rest of the handle after the caret', () => {
    expect(at('cc @ja|mes.carter, thanks')).toEqual({ start: 3, end: 16, query: 'ja' });
  });

  it('stops at spaces and punctuation, and works in any script', () => {
    expect(at('@ann hello|')).toBeNull();
    expect(at('(@أمي|)')).toEqual({ start: 1, end: 5, query: 'أمي' });
    expect(at('line one\n@лей|')).toEqual({ start: 9, end: 13, query: 'лей' });
  });

  it('does not take an e-mail address for a mention', () => {
    expect(at('write to leila@exa|')).toBeNull();
    expect(at('https://medium.com/@wri|')).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the token with @handle and a space, caret after it', () => {
    const text = 'Hello @ja';
    expect(insertMention(text, mentionTokenAt(text, 9)!, 'james.carter')).toEqual({ text: 'Hello @james.carter ', caret: 20 });
  });

  it('replaces a handle typed partly after the caret, reusing the space that follows', () => {
    const text = 'cc @jamXX and more';
    expect(insertMention(text, mentionTokenAt(text, 6)!, 'james.carter')).toEqual({ text: 'cc @james.carter and more', caret: 17 });
  });
});
