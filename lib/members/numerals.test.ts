import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { chooseNumerals, formattingLocale, numeralsOf } from './numerals';

describe('digits', () => {
  it('Hindi readers may choose Devanagari digits, and Arabic readers Western ones', () => {
    const hindi = formattingLocale('hi', 'deva');
    expect(hindi).toBe('hi-u-nu-deva');
    expect(new Intl.NumberFormat(hindi).format(1234)).toBe('१,२३४');
    expect(new Intl.NumberFormat(formattingLocale('hi', undefined)).format(1234)).toBe('1,234');
    expect(new Intl.NumberFormat(formattingLocale('ar', 'latn')).format(12)).toBe('12');
    expect(new Intl.NumberFormat(formattingLocale('ar', 'arab')).format(12)).toBe('١٢');
  });

  it('ignores a choice the language does not offer, and reports the digits in use', () => {
    expect(formattingLocale('fr', 'deva')).toBe('fr');
    expect(formattingLocale('hi', 'arab')).toBe('hi');
    expect(numeralsOf('hi-u-nu-deva')).toBe('deva');
    expect(numeralsOf('ar-u-nu-arab')).toBe('arab');
    expect(numeralsOf('hi')).toBe('latn');
    expect(numeralsOf('ru')).toBeNull();
    expect(() => chooseNumerals({ numerals: 'roman' })).toThrow(InvalidInputError);
  });
});
