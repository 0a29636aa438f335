import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { ForbiddenError, RateLimitedError } from '../errors';
import { localizedErrors } from '../form-state';
import { SESSION_MAX_AGE_SECONDS } from '../rules';
import { clientAddress } from './client-address';
import { closeSession, openSession } from './sessions';
import { verifySignIn } from './verify-sign-in';

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

/**
 * next-auth with email and password. The JWT only names a row in member_sessions;
 * signing out deletes that row, so the token is dead even if a copy survives.
 * The session cookie is next-auth's: HttpOnly, SameSite=Lax, and Secure under HTTPS.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  // Credentials never reach the logs: next-auth's debug output stays off.
  debug: false,
  logger: { error: (code) => console.error(`[auth] ${code}`), warn: () => {}, debug: () => {} },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        try {
          const member = await verifySignIn({ db: getDb(), viewer: null }, credentials, clientAddress(req.headers ?? {}));
          return member ? { id: String(member.id), name: member.name, email: member.email } : null;
        } catch (error) {
          // The message reaches the form as the sign-in error ("Try again in …", "suspended until …").
          if (error instanceof RateLimitedError || error instanceof ForbiddenError) throw new Error((await localizedErrors(error)).error, { cause: error });
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sid = await openSession(getDb(), Number(user.id));
      return token;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await closeSession(getDb(), token.sid);
    },
  },
};
