// @ts-check
// Who sent a request. Per-address limits (sign-in, sign-up, views) key on this, so it must not be
// something a client can choose: it is the socket's address, and X-Forwarded-For is read only as
// far as TRUST_PROXY says proxies we run have written it.

import proxyaddr from "proxy-addr";

/** The request header the app reads the client address from (lib/client-address-header.ts). */
export const CLIENT_ADDRESS_HEADER = "x-debate-client-address";

/** Headers only a trusted proxy may set: dropped from requests when no proxy is trusted. */
const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

/**
 * @typedef {(address: string, hop: number) => boolean} Trust
 * @typedef {{ trust: Trust | null, description: string }} TrustProxy
 */

/**
 * Reads TRUST_PROXY: unset, empty, "0" or "false" trusts no proxy (the socket is the client); a
 * whole number N trusts the N proxies nearest the server, whatever their addresses; otherwise a
 * comma-separated list of addresses, CIDR ranges or proxy-addr's names (loopback, linklocal,
 * uniquelocal) trusts the proxies at those addresses. The client is then the right-most address in
 * X-Forwarded-For that is not a trusted proxy.
 * @param {string | undefined} value
 * @returns {TrustProxy}
 */
export function parseTrustProxy(value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text.toLowerCase() === "false") return { trust: null, description: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return { trust: (_address, hop) => hop < hops, description: `${hops} hop${hops === 1 ? "" : "s"}` };
  }
  const list = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  try {
    return { trust: proxyaddr.compile(list), description: list.join(", ") };
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${error instanceof Error ? error.message : error} (in "${text}")`);
  }
}

/**
 * Works out the client's address, writes it into CLIENT_ADDRESS_HEADER (replacing anything the
 * client sent under that name) and, when no proxy is trusted, removes the forwarding headers a
 * client could have forged, so nothing downstream reads them by mistake.
 * @param {import("node:http").IncomingMessage} req
 * @param {TrustProxy} trustProxy
 */
export function stampClientAddress(req, { trust }) {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  let address;
  if (trust) {
    address = proxyaddr(/** @type {never} */ (req), trust);
  } else {
    for (const name of PROXY_HEADERS) delete req.headers[name];
    address = req.socket.remoteAddress;
  }
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = normalise(address);
}

/** "::ffff:127.0.0.1" → "127.0.0.1": one client, one key, whichever socket family it came in on. */
function normalise(/** @type {string} */ address) {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
