import type { z } from 'zod';
import { InvalidInputError, type FieldErrors } from './errors';

/** Parses input with a verb's schema, turning zod's issues into one InvalidInputError with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'form';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  throw new InvalidInputError(first ? first.message : 'Invalid input.', fieldErrors);
}
