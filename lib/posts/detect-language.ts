/**
 * Guesses the language a post is written in, among the languages Cercle's members write:
 * by script for Arabic, Hindi (Devanagari) and Russian (Cyrillic), and, for Latin text, by
 * the share of common French and English words. Null when the text gives no clear answer;
 * the author can always say which language they wrote in.
 */
export const POST_LANGUAGES = ['en', 'fr', 'ru', 'ar', 'hi'] as const;
export type PostLanguage = (typeof POST_LANGUAGES)[number];

const SCRIPTS: [PostLanguage, RegExp][] = [
  ['ar', /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu],
  ['hi', /[\u0900-\u097F]/gu],
  ['ru', /[\u0400-\u04FF]/gu],
];
const LATIN = /[A-Za-zÀ-ÖØ-öø-ÿŒœ]/gu;

const FRENCH = new Set('le la les des est et pour une un dans que qui avec nous vous pas sur du au aux ce cette je il elle ne sont mais ou où très été être avoir merci bonjour'.split(' '));
const ENGLISH = new Set('the and is of to in for with that you we on this are it be was have not but or at from they will can our an thanks hello'.split(' '));

/** Markdown links, code and quotes say little about the writer's own language. */
function prose(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```|`[^`]*`/g, ' ')
    .replace(/^>.*$/gm, ' ')
    .replace(/\]\([^)]*\)|https?:\/\/\S+/g, ' ');
}

export function detectLanguage(markdown: string): PostLanguage | null {
  const text = prose(markdown);
  const latin = text.match(LATIN)?.length ?? 0;
  const [best] = SCRIPTS.map(([language, pattern]) => ({ language, count: text.match(pattern)?.length ?? 0 })).sort((a, b) => b.count - a.count);
  // A script outweighing the Latin letters decides (an English product name in an Arabic sentence stays Arabic).
  if (best && best.count > 0 && best.count >= latin) return best.language;
  const words = text.toLocaleLowerCase('fr').match(/[\p{L}’']+/gu) ?? [];
  let french = 0;
  let english = 0;
  for (const word of words) {
    if (FRENCH.has(word)) french++;
    if (ENGLISH.has(word)) english++;
  }
  if (french === english) return /[éèêàçùûôîœ]/i.test(text) ? 'fr' : english > 0 ? 'en' : null;
  return french > english ? 'fr' : 'en';
}
