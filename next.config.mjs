/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its WASM and data files beside its JS; bundling it breaks their lookup.
  serverExternalPackages: ['@electric-sql/pglite'],
  // The e2e run builds into its own folder so it never fights a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
