import { z } from 'zod';
import { postingLimitsOverride } from './posts/posting-limits';

const port = z.coerce.number().int().min(1).max(65535);

/** Every setting Cercle reads from the environment (see README and .env.example), checked at start-up. */
export const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  CERCLE_DATA_DIR: z.string().min(1).optional(),
  CERCLE_PG_PORT: port.optional(),
  CERCLE_SEED_DEMO: z.enum(['true', 'false']).optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  PORT: port.optional(),
  CERCLE_TRUST_PROXY: z.enum(['true', 'false']).optional(),
  CERCLE_PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  CERCLE_WORKER: z.enum(['in-process', 'external']).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  MEILI_HOST: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  CERCLE_LIMITS: postingLimitsOverride.optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be letters, digits, - or _').optional(),
});

/** Stops start-up with one clear line per wrong setting, rather than failing later in a request. */
export function checkEnv(env: Record<string, string | undefined> = process.env) {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cercle's configuration is not valid:\n${lines.join('\n')}`);
  }
  return result.data;
}
