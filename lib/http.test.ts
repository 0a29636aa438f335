import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from './errors';
import { jsonBody, jsonResponse, MAX_REQUEST_BODY_BYTES } from './http';

describe('JSON answers', () => {
  it('leave a short body uncompressed and keep the caching asked for', async () => {
    const response = jsonResponse({ count: 3 }, { headers: { 'Cache-Control': 'private, no-store' } });
    expect(response.headers.get('Cache-Control')).toBe('private, no-store, no-transform');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ count: 3 });
  });

  it('let a long body be compressed, with the status asked for', async () => {
    const posts = Array.from({ length: 50 }, (_, i) => ({ number: i + 1, body: 'Thanks for the referral, we met on Tuesday.' }));
    const response = jsonResponse({ posts }, { status: 201 });
    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBeNull();
    expect((await response.json()).posts).toHaveLength(50);
  });
});

/** A POST whose body arrives in 64 KB chunks, as a client streams it, with no declared length; `pulled` counts the chunks read. */
function streamedPost(bytes: number, headers: Record<string, string> = {}) {
  const chunk = new TextEncoder().encode('x'.repeat(65_536));
  let sent = 0;
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled++;
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk.subarray(0, Math.min(chunk.length, bytes - sent)));
      sent += chunk.length;
    },
  });
  return { request: new Request('http://cercle.test/api/preview', { method: 'POST', body, headers, duplex: 'half' } as RequestInit), counter };
}

describe('JSON request bodies', () => {
  it('are read when they are JSON objects', async () => {
    const request = new Request('http://cercle.test/api/preview', { method: 'POST', body: JSON.stringify({ body: 'Merci pour la recommandation' }) });
    expect(await jsonBody(request)).toEqual({ body: 'Merci pour la recommandation' });
  });

  it('are refused with a clear 400 when they are not JSON objects', async () => {
    for (const body of ['not json', '[1, 2]', 'null', '']) {
      await expect(jsonBody(new Request('http://cercle.test/api/preview', { method: 'POST', body }))).rejects.toMatchObject({ status: 400, message: 'Send a JSON object.' });
    }
  });

  it('are refused with 413 once they run past the limit, without reading the rest', async () => {
    const { request, counter } = streamedPost(MAX_REQUEST_BODY_BYTES * 4);
    const refusal = await jsonBody(request).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PayloadTooLargeError);
    expect(refusal).toMatchObject({ status: 413, message: 'This request is too large: send at most 1 MB.' });
    // 16 chunks make the limit; a few more may be buffered ahead, but not the 64 of the whole body.
    expect(counter.pulled).toBeLessThan(24);
  });

  it('are refused unread when their declared length is past the limit', async () => {
    const { request, counter } = streamedPost(10, { 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) });
    await expect(jsonBody(request)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });
});
