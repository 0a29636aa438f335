import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: unguessable, and only ever in the link; the database keeps its hash. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
