import { existsSync } from 'node:fs';

/**
 * `npm start`'s server: scripts/serve.ts compiled by `npm run build` into one file that plain
 * Node.js runs, without tsx's compiler and loader thread (about 70 MB of memory).
 */
export const PRODUCTION_SERVER = '.next/cercle-server.mjs';

/**
 * Node.js options of `npm start` (package.json, kept in step by a test). A heap limit makes V8
 * collect before its heap grows large: with this one the server peaks near 250 MB under the
 * benchmark instead of 400–700 MB, as fast, and the limit is four times the live data it
 * holds under load (docs/performance.md).
 */
export const PRODUCTION_NODE_FLAGS = ['--max-old-space-size=512'];

/** The command `npm start` runs. */
export const PRODUCTION_START = ['node', ...PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER, 'start'];

/** Null when `npm run build` has made both the Next.js build and the server, else what to do. */
export function missingBuild(): string | null {
  return existsSync('.next/BUILD_ID') && existsSync(PRODUCTION_SERVER) ? null : 'No production build: run `npm run build` first.';
}
