import { describe, expect, it } from 'vitest';
import { directionOf, pickLocale } from './locales';

describe('pickLocale', () => {
  it("prefers the member's setting, then the visitor's choice, then the browser, then English", () => {
    expect(pickLocale('ar', 'fr', 'ru')).toBe('ar');
    expect(pickLocale(null, 'fr', 'ru')).toBe('fr');
    expect(pickLocale(null, undefined, 'de-DE, ru;q=0.8, en;q=0.5')).toBe('ru');
    expect(pickLocale(null, undefined, 'hi-IN')).toBe('hi');
    expect(pickLocale(null, undefined, 'fr;q=0, ar;q=0.3')).toBe('ar');
    expect(pickLocale('xx', 'yy', 'zz')).toBe('en');
    expect(pickLocale(null, undefined, null)).toBe('en');
  });

  it('lays Arabic out right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });
});
