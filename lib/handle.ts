// Handles: the unique name of /people/<handle> and of @mentions. One normal form (lower case
// a–z, 0–9, "_" and "-"), the words of a refusal, and a handle made from a display name. Whether a
// handle is free is the server's to say (server/users/handle.ts), inside the write that takes it.

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/** The characters a handle is made of, for a character class (mentions: `@[a-z0-9_-]+`). */
export const HANDLE_CHARS = "a-z0-9_-";

/**
 * Words a handle may not be: path segments and API names that would read as something else
 * (/people/new), and the staff and group names a mention could pass itself off as.
 */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  "about",
  "account",
  "admin",
  "administrator",
  "admins",
  "after",
  "all",
  "anonymous",
  "api",
  "archive",
  "before",
  "channel",
  "debate",
  "debates",
  "edit",
  "everyone",
  "help",
  "here",
  "mod",
  "moderation",
  "moderator",
  "moderators",
  "mods",
  "new",
  "notifications",
  "null",
  "people",
  "root",
  "search",
  "settings",
  "sign-in",
  "sign-up",
  "signin",
  "signup",
  "staff",
  "support",
  "system",
  "undefined",
  "unknown",
]);

/** What a member typed, in the normal form: trimmed, without a leading "@", lower case. */
export function normalizeHandle(typed: string): string {
  return typed.trim().replace(/^@/, "").toLowerCase();
}

/** Why a normalised handle cannot be used, or null. Whether someone has it is the server's to say. */
export function handleRefusal(handle: string): string | null {
  if (handle.length < HANDLE_MIN) return `Your handle needs at least ${HANDLE_MIN} characters.`;
  if (handle.length > HANDLE_MAX) return `Keep your handle to ${HANDLE_MAX} characters.`;
  if (!/^[a-z0-9_-]+$/.test(handle)) {
    return "Use only lower-case letters a–z, digits, “_” and “-” in your handle.";
  }
  if (!/^[a-z0-9]/.test(handle) || !/[a-z0-9]$/.test(handle)) {
    return "Start and end your handle with a letter or a digit.";
  }
  if (/^[0-9]+$/.test(handle)) return "Your handle needs at least one letter, “_” or “-”.";
  if (RESERVED_HANDLES.has(handle)) return `“${handle}” is reserved. Choose another handle.`;
  return null;
}

export const isValidHandle = (handle: string) => handleRefusal(handle) === null;

// Letters NFKD does not take apart into a base letter and marks.
const TRANSLITERATE: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
  ŋ: "ng",
};

/**
 * A name (or the start of one) in handle characters: accents stripped, a few letters spelled out
 * (ß → ss), every run of anything else one "-" (none at the start). May be empty, short or long.
 */
export function handleStem(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\s\S]/g, (c) => TRANSLITERATE[c] ?? c)
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "");
}

/** The first `length` characters of a handle, without a trailing "-" or "_". */
export const clipHandle = (handle: string, length: number) => handle.slice(0, length).replace(/[-_]+$/, "");

/**
 * A valid handle made from a display name: accents stripped, a few letters spelled out (ß → ss),
 * every run of anything else one "-", clipped to the maximum. A name that leaves too little (or a
 * reserved word, or only digits) gets "-member" after it; one that leaves nothing, "member".
 */
export function handleFromName(name: string): string {
  const base = clipHandle(handleStem(name), HANDLE_MAX);
  if (isValidHandle(base)) return base;
  if (base) {
    const padded = `${clipHandle(base, HANDLE_MAX - "-member".length)}-member`;
    if (isValidHandle(padded)) return padded;
  }
  return "member";
}

/**
 * The handles to try, in order, for someone who wants `base` (valid): itself, then `base-2` …
 * `base-9`, each clipped so that it stays within the maximum. The server adds random ones after.
 */
export function handleCandidates(base: string): string[] {
  return [base, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => suffixedHandle(base, String(n)))];
}

/** `base-suffix`, the base clipped so that the whole stays within the maximum. */
export function suffixedHandle(base: string, suffix: string): string {
  return `${clipHandle(base, HANDLE_MAX - suffix.length - 1)}-${suffix}`;
}
