import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id: the package exports it as a const enum, which isolated modules cannot read.
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the email is unknown, so both answers take the same time.
const dummyHash = hashPassword('cercle-dummy-password-never-matches');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
