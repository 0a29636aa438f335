import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { importArchive } from '@/lib/archive/import-archive';
import { parseArchive } from '@/lib/archive/parse-archive';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '../client';
import { members, siteSettings } from '../schema';

/** Every demo member signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'cercle-demo-2026';
/** The demo member who is also site admin. */
export const DEMO_ADMIN_EMAIL = 'amina.haddad@example.test';

// From the project folder, as the migrations are (db/migrate.ts).
const archivePath = path.resolve('db', 'seed', 'demo-archive.json');

/**
 * Loads the demo forum the first time a database is prepared, and never again, so
 * that demo content someone deleted does not come back on the next start.
 */
export async function seedDemoOnce(db: Database): Promise<boolean> {
  const [done] = await db.select().from(siteSettings).where(eq(siteSettings.key, 'demo_seeded_at'));
  if (done) return false;
  const archive = parseArchive(await readFile(archivePath, 'utf8'));
  await importArchive(db, archive);
  const emails = archive.members.map((m) => m.email);
  await db.update(members).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(inArray(members.email, emails));
  await db.update(members).set({ isAdmin: true }).where(eq(members.email, DEMO_ADMIN_EMAIL));
  await db.insert(siteSettings).values({ key: 'demo_seeded_at', value: new Date().toISOString() }).onConflictDoNothing();
  return true;
}
