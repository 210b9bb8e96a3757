import "server-only";
import { hash, verify } from "@node-rs/argon2";
import commonPasswords from "./common-passwords.json";

const common = new Set<string>(commonPasswords);

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** One of the few thousand passwords attackers try first (see COMMON-PASSWORDS.md). */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

// Verified against when no account matches, so an unknown email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hash("no account has this password"));
}
