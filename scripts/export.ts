/** `npm run export -- out.json`: writes the whole forum as a cercle-archive file. */
import { writeFile } from 'node:fs/promises';
import { closeDb, getDb } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { exportArchive } from '../lib/archive/export-archive';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run export -- out.json');
  process.exit(2);
}
const database = await prepareDatabase({ seedDemo: false });
try {
  const archive = await exportArchive(getDb());
  await writeFile(file, `${JSON.stringify(archive, null, 2)}\n`);
  console.log(`Exported to ${file}: ${archive.members?.length} members, ${archive.groups?.length} groups, ${archive.threads?.length} threads.`);
} finally {
  await closeDb();
  await database.stop();
}
