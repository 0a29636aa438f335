import { decode } from 'next-auth/jwt';

/** next-auth's session cookie: the Secure-prefixed name under HTTPS, the plain one otherwise. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The member_sessions id a session cookie's token names, or undefined when it names none: not
 * sealed with this secret, tampered with, or past its expiry. Decoding the token is all
 * next-auth's getServerSession would do for us, without re-sealing a new one every request.
 */
export async function sessionIdOf(token: string | undefined, secret: string | undefined): Promise<string | undefined> {
  if (!token || !secret) return undefined;
  const payload = await decode({ token, secret }).catch(() => null);
  return typeof payload?.sid === 'string' ? payload.sid : undefined;
}
