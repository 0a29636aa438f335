/** `npm run seed`: loads the demo forum, once, into DATABASE_URL or the embedded server. */
import { closeDb, getDb } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { seedDemoOnce } from '../db/seed/seed-demo';

const database = await prepareDatabase({ seedDemo: false });
console.log((await seedDemoOnce(getDb())) ? 'Demo content loaded.' : 'Demo content was already loaded: nothing to do.');
await closeDb();
await database.stop();
