import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { SignUpFormInput } from "@/lib/schemas/account";
import { hashPassword } from "../auth/password";
import { AppError } from "../errors";
import { addressHash, addressKey } from "../http/address-key";
import { RateLimit, waitPhrase } from "../http/rate-limit";
import { createUser } from "./create-user";

/**
 * Sign-ups per client address: 3 an hour and 10 a day. A household or a couple of friends on one
 * connection sign up together; a script gets 10 accounts a day out of an address instead of 12 in
 * 0.2 s, and, since an account past its first day posts at the full rate, 10 a day is also what
 * one address can stockpile. A school or office behind one NAT is held back by it too.
 */
export const SIGN_UP_LIMITS = [
  new RateLimit("sign-up-hour", { points: 3, seconds: 60 * 60 }),
  new RateLimit("sign-up-day", { points: 10, seconds: 24 * 60 * 60 }),
];

/**
 * The sign-up form's submission, from `address` (the client address our server set; null only
 * without server.mjs). Three outcomes give the same answer in the same time: an account made, an
 * email that already has one (nothing is changed, and the password typed is hashed all the same),
 * and a filled honeypot (nothing is made). The form then signs in with what was typed, which works
 * only for the owner of the account. Every such submission counts against the address; one refused
 * for what was typed (a common password, a name) does not, and the form says why.
 */
export async function signUp({
  website: honeypot,
  address,
  ...input
}: Omit<SignUpFormInput, "handle"> & { handle?: string; address: string | null }) {
  // Counted and stored under the address's keyed hash, never the address (the counts may live in
  // Redis, shared by every instance, for a day).
  const key = address === null ? null : addressHash(addressKey(address));
  if (key) await admit(key);
  try {
    if (honeypot) await hashPassword(input.password);
    else await createUser({ ...input, signUpAddrHash: key });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "CONFLICT" && error.field === "email") return answer();
    if (key) await Promise.all(SIGN_UP_LIMITS.map((limit) => limit.refund(key)));
    throw error;
  }
  return answer();
}

/**
 * What every accepted submission answers, whether it made an account or not: a new account shows
 * on no cached page but the profile of its handle, which was "not found" until now.
 */
const answer = () => ({ tags: [cacheTags.handles()] });

async function admit(key: string) {
  const pending = await Promise.all(SIGN_UP_LIMITS.map((limit) => limit.retryAfter(key)));
  let wait = Math.max(0, ...pending.map((seconds) => seconds ?? 0));
  if (!wait) {
    const used = await Promise.all(SIGN_UP_LIMITS.map((limit) => limit.consume(key)));
    wait = Math.max(0, ...used.map((seconds) => seconds ?? 0));
    // Lost a race for the last use of one limit: give back what the others counted.
    if (wait) await Promise.all(SIGN_UP_LIMITS.filter((_, i) => used[i] === null).map((limit) => limit.refund(key)));
  }
  if (wait) throw new AppError("RATE_LIMITED", `Too many sign-ups from your network. Try again in ${phrase(wait)}.`);
}

const phrase = (seconds: number) => (seconds < 90 * 60 ? waitPhrase(seconds) : `${Math.ceil(seconds / 3600)} hours`);
