/**
 * Profile and directory rules as named constants, each with its reason. No imports, so
 * client components (the avatar form's size check, the language checkboxes) can use them too.
 */

/**
 * Languages a member can list: the ones our networking groups work in. A fixed list keeps
 * the directory's language filter exact ("fr", never "French" / "français" / "francais").
 */
export const LANGUAGE_CODES = ['ar', 'hi', 'ru', 'fr', 'en', 'es', 'de', 'pt', 'it', 'zh', 'tr', 'ur', 'fa', 'bn', 'sw'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];
export const LANGUAGES_MAX = 10;

export const PROFESSION_MAX_LENGTH = 80;
export const COMPANY_MAX_LENGTH = 120;
export const PLACE_MAX_LENGTH = 80;
export const BIO_MAX_LENGTH = 1000;
/** Long enough for any real profile address, short enough that a link is not a place to stash data. */
export const URL_MAX_LENGTH = 500;
export const SOCIAL_LINKS_MAX = 5;

/**
 * Uploads above this are refused before their bytes are decoded. The server-action body
 * limit (next.config.js `serverActions.bodySizeLimit`) must sit above it, or the framework
 * refuses first with its own error: 5 MB leaves room for the multipart envelope.
 */
export const AVATAR_MAX_BYTES = 4 * 1024 * 1024;
/** A 4 MB PNG can declare 30,000 × 30,000 pixels; decoding that would take gigabytes of memory. */
export const AVATAR_MAX_PIXELS = 40_000_000;
/** Stored size: twice the largest display size, for sharp images on high-density screens. */
export const AVATAR_SIZE = 256;
export const AVATAR_FORMATS = ['jpeg', 'png', 'gif', 'webp'] as const;
/** Each upload costs a full image decode: enough for anyone trying photos, not for a loop. */
export const AVATAR_UPLOAD_LIMIT = { max: 20, windowSeconds: 60 * 60 } as const;

export const DIRECTORY_PAGE_SIZE = 30;
export const PROFILE_RECENT_POSTS = 10;
/** Characters of a post shown under its title on a profile. */
export const EXCERPT_LENGTH = 200;
