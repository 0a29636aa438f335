/**
 * `npm run seed:scale -- --posts 1000000`: fills the database (embedded, or DATABASE_URL)
 * with a large generated forum and builds its search index, with progress bars. Generated
 * members sign in with the password SCALE_PASSWORD (db/seed/scale/generate-scale.ts).
 * Use a separate data folder to keep it apart from the demo: CERCLE_DATA_DIR=.cercle-scale.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { seedScaleForum } from '../db/seed/scale/seed-scale';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000000' } } });
const posts = Number(values.posts);
if (!Number.isInteger(posts) || posts < 1_000 || posts > 50_000_000) {
  console.error('Usage: npm run seed:scale -- --posts <1000 to 50000000>');
  process.exit(2);
}
const database = await prepareDatabase({ seedDemo: false });
try {
  const [existing] = await getDb().execute(sql`select 1 from groups where slug = 'scale-0'`);
  if (existing) {
    console.error('This database already holds a generated forum; point CERCLE_DATA_DIR (or DATABASE_URL) at an empty one.');
    process.exitCode = 1;
  } else {
    await seedScaleForum(getDb(), posts);
  }
} finally {
  await closeDb();
  await database.stop();
}
