/** Where to go after signing in or up: only paths on this site, never another origin. */
export function safeCallback(callbackUrl: string | undefined): string {
  return callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') && !callbackUrl.startsWith('/\\') ? callbackUrl : '/';
}
