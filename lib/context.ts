import type { Db } from '@/db/client';

/** The signed-in member acting, as far as the domain needs to know. */
/** `locale` is the interface language the member chose, when they chose one. */
export type Viewer = { id: number; name: string; isAdmin: boolean; locale?: string | null };

/** What every verb receives: who acts, and the database (or transaction) to act in. */
export type Ctx = { db: Db; viewer: Viewer | null };

export type SignedInCtx = Ctx & { viewer: Viewer };
