import { decode } from 'next-auth/jwt';

/** next-auth's session cookie: the Secure-prefixed name under HTTPS, the plain one otherwise. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** How long a decoded token is remembered, and for how many tokens. */
const REMEMBER_MS = 60_000;
const REMEMBERED_TOKENS = 10_000;
const remembered = new Map<string, { sid: string; until: number }>();

/**
 * The member_sessions id a session cookie's token names, or undefined when it names none: not
 * sealed with this secret, tampered with, or past its expiry. Decoding the token is all
 * next-auth's getServerSession would do for us, without re-sealing a new one every request.
 * A member's browser sends the same token with every request, and opening it costs a key
 * derivation and a decryption, so a good token is remembered a minute (never past its expiry);
 * the session row it names is still checked on every request, so signing out ends it at once.
 */
export async function sessionIdOf(token: string | undefined, secret: string | undefined): Promise<string | undefined> {
  if (!token || !secret) return undefined;
  const key = `${secret}\n${token}`;
  const known = remembered.get(key);
  if (known && known.until > Date.now()) return known.sid;
  const payload = await decode({ token, secret }).catch(() => null);
  if (typeof payload?.sid !== 'string') return undefined;
  if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, { sid: payload.sid, until: Math.min(Date.now() + REMEMBER_MS, typeof payload.exp === 'number' ? payload.exp * 1000 : 0) });
  return payload.sid;
}
