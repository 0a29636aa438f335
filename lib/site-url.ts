/** The public address of the site, for absolute links in emails, the sitemap and Open Graph tags. */
export function siteUrl(): string {
  return (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}
