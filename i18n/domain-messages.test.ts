import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainMessageKeys } from './domain-message-sources';
import { localizeMessage } from './domain-messages';
import { LOCALES } from './locales';

const root = path.resolve(import.meta.dirname, '..');
const keys = domainMessageKeys(root);
const placeholders = (text: string) => [...text.matchAll(/\{\d\}/g)].map((m) => m[0]).sort();

describe.each(LOCALES.filter((locale) => locale !== 'en'))('messages from lib/ in %s', (locale) => {
  const catalogue = JSON.parse(readFileSync(path.join(root, 'i18n/domain-messages', `${locale}.json`), 'utf8')) as Record<string, string>;

  it('translates every sentence a verb can show, with the same placeholders, and nothing stale', () => {
    const missing = [...keys.keys()].filter((key) => !catalogue[key]?.trim()).map((key) => `${key} (${keys.get(key)})`);
    expect(missing).toEqual([]);
    expect(Object.keys(catalogue).filter((key) => !keys.has(key))).toEqual([]);
    const broken = Object.entries(catalogue).filter(([key, text]) => placeholders(key).join() !== placeholders(text).join());
    expect(broken).toEqual([]);
  });

  it('fills the placeholders, translating a part that is a sentence of its own', async () => {
    const tooMany = await localizeMessage('Too many sign-in attempts.', locale);
    expect(tooMany).not.toBe('Too many sign-in attempts.');
    const waited = await localizeMessage('Too many sign-in attempts. Try again in 42 seconds.', locale);
    expect(waited).toContain(tooMany);
    expect(waited).toContain('42');
    expect(await localizeMessage('Titles need at least 3 characters.', locale)).toContain('3');
    expect(await localizeMessage('Something no catalogue has.', locale)).toBe('Something no catalogue has.');
  });
});
