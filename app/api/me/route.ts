import { NextResponse } from 'next/server';
import { requestCtx } from '@/lib/auth/viewer';

/** Who is signed in, for the header of a page shared among members (app/shared-page.ts). */
export async function GET() {
  const { viewer } = await requestCtx();
  return NextResponse.json({ name: viewer?.name ?? null }, { headers: { 'Cache-Control': 'private, no-store' } });
}
