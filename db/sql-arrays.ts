import { sql, type SQL } from 'drizzle-orm';

/*
 * Drizzle spreads a JavaScript array into a list of parameters; these bind it as one
 * PostgreSQL array literal instead, so a batch of a thousand ids is one value the planner
 * can see, and an empty batch works.
 */

export function intArray(values: readonly number[]): SQL {
  if (!values.every(Number.isSafeInteger)) throw new TypeError('intArray takes integers only');
  return sql`${`{${values.join(',')}}`}::int[]`;
}

export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
}

export function boolArray(values: readonly boolean[]): SQL {
  return sql`${`{${values.map((v) => (v ? 't' : 'f')).join(',')}}`}::bool[]`;
}
