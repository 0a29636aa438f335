import { databaseAnswers } from '@/lib/health';
import { jsonResponse } from '@/lib/http';

/** 200 when the database answers, 503 otherwise; used by load balancers and the e2e web server. */
export async function GET() {
  const ok = await databaseAnswers();
  return jsonResponse({ status: ok ? 'ok' : 'database unreachable' }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
