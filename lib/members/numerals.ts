import { z } from 'zod';
import { parseInput } from '../validate';

/**
 * Digits a language may be read with, its own default first: Arabic readers choose between
 * Arabic-Indic (٠١٢) and Western (012) digits, Hindi readers between Western and Devanagari (०१२).
 * The choice belongs to the browser, like the appearance, and is kept in a cookie.
 */
export const NUMERAL_SYSTEMS: Readonly<Record<string, readonly string[]>> = { ar: ['latn', 'arab'], hi: ['latn', 'deva'] };
export const NUMERALS_COOKIE = 'cercle-numerals';

export const chooseNumeralsSchema = z.object({ numerals: z.enum(['latn', 'arab', 'deva'], 'Choose how numbers are written.') });

export function chooseNumerals(input: unknown): string {
  return parseInput(chooseNumeralsSchema, input).numerals;
}

/**
 * The locale dates and numbers are formatted in: the language, with the chosen digits spelled
 * out (browsers' and servers' ICU data disagree on some defaults, so a choice is always explicit).
 */
export function formattingLocale(locale: string, numerals: string | undefined): string {
  const systems = NUMERAL_SYSTEMS[locale];
  if (!systems || !numerals || !systems.includes(numerals)) return locale;
  return `${locale}-u-nu-${numerals}`;
}

/** The digits in use for a formatting locale, for the switcher to show. */
export function numeralsOf(formatting: string): string | null {
  const [language] = formatting.split('-');
  const systems = NUMERAL_SYSTEMS[language!];
  if (!systems) return null;
  return /-u-nu-(\w+)/.exec(formatting)?.[1] ?? systems[0]!;
}
