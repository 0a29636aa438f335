import { describe, expect, it } from 'vitest';
import { jsonResponse } from './http';

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
