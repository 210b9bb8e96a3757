import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { env } from "../env";

/**
 * What per-address limits count under. An IPv4 address is one client (or one NAT). An IPv6
 * address is counted by its /64: one subscriber is usually given a whole /64, so counting each of
 * its 2^64 addresses apart would give a flood as many fresh keys as it likes.
 */
export function addressKey(address: string): string {
  const bare = address.trim().split("%")[0]!.toLowerCase();
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return bare;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1]!;
  const [head = "", tail] = bare.split("::");
  const groups = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all =
    tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back];
  // An IPv4 address written as IPv6 hex (::ffff:102:304) is that IPv4 address.
  if (all.slice(0, 5).every((g) => parseInt(g, 16) === 0) && all[5] === "ffff") {
    const [hi, lo] = [parseInt(all[6]!, 16), parseInt(all[7]!, 16)];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

// Without a configured secret (a dev server never given one), a key of this process: the hashes
// then mean nothing after a restart, which only loosens a first-day limit in development.
const secret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url");

/**
 * A keyed hash (HMAC-SHA256 with NEXTAUTH_SECRET) of an address key, for storing: equal keys give
 * equal hashes, and a copy of the database does not tell which addresses signed up.
 */
export function addressHash(key: string): string {
  return createHmac("sha256", secret).update(`client-address:${key}`).digest("base64url");
}
