import { NextResponse } from 'next/server';
import { DomainError, InvalidInputError, RateLimitedError } from './errors';
import { localizedErrors } from './form-state';

/**
 * The one place a domain error becomes an HTTP answer for route handlers, in the
 * requester's language (Accept-Language, or their setting); database messages never leave.
 */
export async function errorResponse(error: unknown): Promise<NextResponse> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error instanceof RateLimitedError) headers['Retry-After'] = String(error.retryAfterSeconds);
  if (error instanceof DomainError) return NextResponse.json(await localizedErrors(error), { status: error.status, headers });
  console.error(error);
  return NextResponse.json(await localizedErrors(new DomainError('Internal error.', 500)), { status: 500, headers });
}

/** Reads a JSON request body, answering 400 for anything that is not a JSON object. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInputError('Send a JSON object.');
  return body as Record<string, unknown>;
}
