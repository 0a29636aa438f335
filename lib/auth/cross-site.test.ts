import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isCrossSite, refuseCrossSite } from './cross-site';

const request = (method: string, headers: Record<string, string>) => ({ method, headers }) as unknown as IncomingMessage;

describe('cross-site requests', () => {
  it('refuses a write from another origin or a browser-declared cross-site write, and nothing else', () => {
    expect(isCrossSite(request('POST', { host: 'forum.example', origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossSite(request('DELETE', { host: 'forum.example', origin: 'not a url' }))).toBe(true);
    expect(isCrossSite(request('POST', { host: 'forum.example', 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSite(request('POST', { host: 'forum.example', origin: 'https://forum.example' }))).toBe(false);
    expect(isCrossSite(request('POST', { host: 'internal:3000', 'x-forwarded-host': 'forum.example', origin: 'https://forum.example' }))).toBe(false);
    expect(isCrossSite(request('POST', { host: 'forum.example', 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSite(request('GET', { host: 'forum.example', origin: 'https://evil.example' }))).toBe(false);
  });

  it('answers 403 in the language the requester chose', async () => {
    let status = 0;
    let body = '';
    const res = { writeHead: (code: number) => void (status = code), end: (text: string) => void (body = text) } as unknown as ServerResponse;
    await refuseCrossSite(request('POST', { cookie: 'NEXT_LOCALE=fr', 'accept-language': 'ru' }), res);
    expect(status).toBe(403);
    expect(JSON.parse(body)).toEqual({ error: 'Les requêtes venant d’un autre site sont refusées.' });
  });
});
