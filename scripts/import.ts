/** `npm run import -- archive.json`: loads a cercle-archive file (docs/archive-format.md). */
import { readFile } from 'node:fs/promises';
import { closeDb, getDb } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { importArchive } from '../lib/archive/import-archive';
import { parseArchive } from '../lib/archive/parse-archive';
import { DomainError } from '../lib/errors';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run import -- archive.json');
  process.exit(2);
}
const database = await prepareDatabase({ seedDemo: false });
let exitCode = 0;
try {
  const summary = await importArchive(getDb(), parseArchive(await readFile(file, 'utf8')));
  console.log(`Imported from ${file}: ${summary.members} members, ${summary.groups} groups, ${summary.threads} threads, ${summary.posts} posts (records already present were left as they were).`);
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.error(`${file}: nothing was imported.\n${error.message}`);
  exitCode = 1;
} finally {
  await closeDb();
  await database.stop();
}
process.exit(exitCode);
