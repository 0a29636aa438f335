import { NextResponse } from 'next/server';
import { databaseAnswers } from '@/lib/health';

/** 200 when the database answers, 503 otherwise; used by load balancers and the e2e web server. */
export async function GET() {
  const ok = await databaseAnswers();
  return NextResponse.json({ status: ok ? 'ok' : 'database unreachable' }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
