import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { errorResponse } from '@/lib/http';
import { siteUrl } from '@/lib/site-url';
import { unsubscribe } from '@/lib/notifications/email/unsubscribe';

/**
 * RFC 8058 one-click unsubscribe: mail clients POST here (body "List-Unsubscribe=One-Click")
 * with the token in the address from the List-Unsubscribe header. No sign-in, no cookies.
 */
export async function POST(request: Request) {
  try {
    const token = new URL(request.url).searchParams.get('token');
    await unsubscribe({ db: getDb(), viewer: null }, { token });
    const t = await getTranslations('unsubscribe');
    return new NextResponse(t('oneClickDone'), { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}

/** A person who opens this address gets the page that asks before acting. */
export async function GET(request: Request) {
  return NextResponse.redirect(`${siteUrl()}/unsubscribe${new URL(request.url).search}`, 303);
}
