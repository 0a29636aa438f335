import type { Db } from './client';

/**
 * A query built once per database handle and reused with new placeholder values: for the
 * statements every request runs, whose building costs drizzle several times what running
 * them costs PostgreSQL. `build` must end with `.prepare(name)`.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}
