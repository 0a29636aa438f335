import type { Db } from '@/db/client';

/** The signed-in member acting, as far as the domain needs to know. */
export type Viewer = { id: number; name: string; isAdmin: boolean };

/** What every verb receives: who acts, and the database (or transaction) to act in. */
export type Ctx = { db: Db; viewer: Viewer | null };

export type SignedInCtx = Ctx & { viewer: Viewer };
