// @ts-check
// Sent with every page and API answer (next.config.ts's headers()) and with the build's static
// files (http-server/static-assets.mjs): no page may be framed by another site (clickjacking), no
// sniffing, limited referrers and features. The Content-Security-Policy, whose script nonce is
// fresh for every answer, and HSTS are sent by server.mjs (http-server/csp.mjs).

/** @type {readonly { key: string, value: string }[]} */
export const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];
