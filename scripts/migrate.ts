/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded server. */
import { prepareDatabase } from '../db/prepare';

const database = await prepareDatabase({ seedDemo: false });
console.log('Migrations applied.');
await database.stop();
