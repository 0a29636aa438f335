/**
 * Signs in over HTTP as a browser does with next-auth's credentials provider: fetch a CSRF
 * token (and its cookie), post the form with it, keep the session cookie. State-changing
 * requests carry the site's own Origin, or the server refuses them as cross-site.
 */

/** "name=value" pairs from a response's Set-Cookie headers. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]!);
}

/** Returns the Cookie header a signed-in request sends. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, Cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/`, json: 'true' }),
  });
  const session = cookiesOf(response).find((c) => /^(__Secure-)?next-auth\.session-token=./.test(c));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
  return session;
}
