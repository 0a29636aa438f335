import { z } from 'zod';
import {
  BIO_MAX_LENGTH,
  COMPANY_MAX_LENGTH,
  LANGUAGE_CODES,
  LANGUAGES_MAX,
  PLACE_MAX_LENGTH,
  PROFESSION_MAX_LENGTH,
  SOCIAL_LINKS_MAX,
  URL_MAX_LENGTH,
} from './profile-rules';

/**
 * An address a profile may link to: absolute http(s) only, so `javascript:`, `data:` and
 * friends can never become a clickable link; no user:password@ part, which is how
 * "https://bank.example@evil.example" passes for the bank. Null for anything else.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

/** Free text that may be left empty: trimmed, and stored as null when empty. */
const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is limited to ${max} characters.`)
    .transform((s) => s || null);

const httpUrl = (label: string) =>
  z
    .string({ error: `${label} must be a web address.` })
    .trim()
    .max(URL_MAX_LENGTH, `${label} is limited to ${URL_MAX_LENGTH} characters.`)
    .refine((s) => s === '' || safeHttpUrl(s) !== null, `${label} must be a web address starting with https:// or http://.`);

export const profession = optionalText(PROFESSION_MAX_LENGTH, 'Profession');
export const company = optionalText(COMPANY_MAX_LENGTH, 'Company');
export const city = optionalText(PLACE_MAX_LENGTH, 'City');
export const country = optionalText(PLACE_MAX_LENGTH, 'Country');
export const bio = optionalText(BIO_MAX_LENGTH, 'About you');

export const languageCode = z.enum(LANGUAGE_CODES, { error: 'Choose languages from the list.' });

export const languages = z
  .array(languageCode, { error: 'Choose languages from the list.' })
  .max(LANGUAGES_MAX, `Choose at most ${LANGUAGES_MAX} languages.`)
  .transform((codes) => [...new Set(codes)]);

export const website = httpUrl('Website').transform((s) => safeHttpUrl(s));

/**
 * Up to five links. Each element is checked where it stands (so an error names the input
 * it came from: "socialLinks.2"), then empty inputs are dropped.
 */
export const socialLinks = z
  .array(httpUrl('Link'), { error: 'Links must be web addresses.' })
  .transform((links) => links.map((s) => safeHttpUrl(s)).filter((s): s is string => s !== null))
  .refine((links) => links.length <= SOCIAL_LINKS_MAX, `Add at most ${SOCIAL_LINKS_MAX} links.`)
  .transform((links) => [...new Set(links)]);
