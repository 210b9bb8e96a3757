import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Reads are cached with 'use cache' + cacheTag and invalidated by tag on every write.
  cacheComponents: true,
  partialPrefetching: false,
  // The e2e suite builds into its own folder so it never clobbers a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
