import { NextResponse } from 'next/server';
import { DomainError, InvalidInputError, RateLimitedError } from './errors';

/** The one place a domain error becomes an HTTP answer for route handlers; database messages never leave. */
export function errorResponse(error: unknown): NextResponse {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error instanceof RateLimitedError) headers['Retry-After'] = String(error.retryAfterSeconds);
  if (error instanceof DomainError) {
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : undefined;
    return NextResponse.json({ error: error.message, fieldErrors }, { status: error.status, headers });
  }
  console.error(error);
  return NextResponse.json({ error: 'Internal error.' }, { status: 500, headers });
}

/** Reads a JSON request body, answering 400 for anything that is not a JSON object. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInputError('Send a JSON object.');
  return body as Record<string, unknown>;
}
