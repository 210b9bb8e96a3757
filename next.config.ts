import type { NextConfig } from "next";

// No framing, no sniffing, limited referrers and features: for every page and API answer here,
// and for the build's static files served from memory by server.mjs (one list for both).
import { securityHeaders } from "./http-server/security-headers.mjs";

const nextConfig: NextConfig = {
  // Reads are cached with 'use cache' + cacheTag and invalidated by tag on every write.
  cacheComponents: true,
  partialPrefetching: false,
  // The e2e suite builds into its own folder so it never clobbers a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // server.mjs compresses, after writing each answer's script nonce into its HTML; an ETag would
  // let a browser revalidate a page whose nonce no longer matches the policy it is sent with.
  compress: false,
  generateEtags: false,
  // Both caches are ours (cache-handlers/): bounded in-memory LRUs whose entries are checked
  // against one tag store that writes invalidate directly. The page cache dates a page by when its
  // request began, not when its render ended, so a render overtaken by a write never looks fresh.
  // Next imports these files at runtime, outside the bundle: absolute paths, plain JavaScript.
  cacheHandler: require.resolve("./cache-handlers/page.mjs"),
  cacheHandlers: { default: require.resolve("./cache-handlers/data.mjs") },
  // Next's own in-memory page LRU would only duplicate ours.
  cacheMaxMemorySize: 0,
  experimental: {
    // Nothing rendered at runtime goes to disk, so random URLs cannot fill it: our page handler
    // never writes, and this keeps the image optimizer's disk cache off too.
    isrFlushToDisk: false,
  },
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [{ source: "/:path*", headers: [...securityHeaders] }];
  },
};

export default nextConfig;
