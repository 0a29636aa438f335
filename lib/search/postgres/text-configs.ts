import type { PostLanguage } from '@/lib/posts/detect-language';

/** The text-search configuration each post language is stemmed with (db/migrations/0007_search_configs.sql). */
export const CONFIG_OF_LANGUAGE: Record<PostLanguage, string> = {
  en: 'cercle_english',
  fr: 'cercle_french',
  ru: 'cercle_russian',
  ar: 'cercle_arabic',
  hi: 'cercle_hindi',
};
/** Posts in a language Cercle has no stemmer for are split into words and matched as written. */
export const FALLBACK_CONFIG = 'cercle_simple';

const SCRIPT_CONFIGS: [RegExp, string[]][] = [
  [/[\u0600-\u06FF\u0750-\u077F]/u, ['cercle_arabic']],
  [/[\u0900-\u097F]/u, ['cercle_hindi']],
  [/[\u0400-\u04FF]/u, ['cercle_russian']],
  [/[A-Za-zÀ-ÖØ-öø-ÿŒœ]/u, ['cercle_english', 'cercle_french']],
];

/**
 * A query word is stemmed by every language written in its script (English and French
 * share Latin), and as written for posts in other languages: a post matches if its own
 * language's stem of the word matches.
 */
export function configsForWord(word: string): { stemmed: string[]; all: string[] } {
  const stemmed = SCRIPT_CONFIGS.find(([script]) => script.test(word))?.[1] ?? [];
  return { stemmed, all: [...stemmed, FALLBACK_CONFIG] };
}
