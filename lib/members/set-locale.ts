import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { members } from '@/db/schema';
import { LOCALES } from '@/i18n/locales';
import type { Ctx } from '../context';
import { parseInput } from '../validate';

export const setLocaleSchema = z.object({ locale: z.enum(LOCALES, 'Choose one of the offered languages.') });

/** Remembers a signed-in member's interface language; for visitors the caller keeps it in a cookie. */
export async function setLocale(ctx: Ctx, input: unknown): Promise<{ locale: (typeof LOCALES)[number] }> {
  const { locale } = parseInput(setLocaleSchema, input);
  if (ctx.viewer) await ctx.db.update(members).set({ locale }).where(eq(members.id, ctx.viewer.id));
  return { locale };
}
