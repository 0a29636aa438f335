import { z } from 'zod';
import { parseInput } from '../validate';

/** "system" follows the device's light or dark setting. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'cercle-theme';

export function themeOf(cookie: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(cookie ?? '') ? (cookie as Theme) : 'system';
}

export const chooseThemeSchema = z.object({ theme: z.enum(THEMES, 'Choose light, dark or like my device.') });

/** Validates an appearance choice; the caller keeps it in a cookie, as it belongs to the browser, not the account. */
export function chooseTheme(input: unknown): Theme {
  return parseInput(chooseThemeSchema, input).theme;
}
