import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Reads are cached with 'use cache' + cacheTag and invalidated by tag on every write.
  cacheComponents: true,
  partialPrefetching: false,
  // The e2e suite builds into its own folder so it never clobbers a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  experimental: {
    // Pages cached on first visit (and the 404s of mistyped URLs) live in the in-memory LRU
    // (cacheMaxMemorySize, 50 MB) rather than piling up on disk without bound.
    isrFlushToDisk: false,
  },
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
