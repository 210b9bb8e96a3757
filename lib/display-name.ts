// Display names as people see them: one normal form, and nothing hidden in it. Whether a name is
// too like someone else's is lib/name-key.ts (kept apart: its confusables table is server-side).

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 60;

/**
 * NFKC (full-width, ligature and other compatibility forms become the plain letters; accents are
 * composed), then every run of Unicode white space (tabs, no-break and ideographic spaces, line
 * breaks) becomes one space, and the ends are trimmed. Not JavaScript's \s, which also counts the
 * zero-width no-break space (U+FEFF): that one is refused with the other invisible characters.
 */
export function normalizeDisplayName(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/\p{White_Space}+/gu, " ")
    .replace(/^ | $/g, "");
}

// Characters that show nothing, or change how what follows is shown: format characters (Cf: zero
// width space and joiners, the bidirectional overrides, isolates and marks, soft hyphen, tags),
// controls (Cc), whatever Unicode says to ignore when rendering (Default_Ignorable_Code_Point:
// variation selectors, Hangul fillers, the combining grapheme joiner), and the blank Braille cell,
// which renders as a space without being one.
const HIDDEN = /[\p{Cf}\p{Cc}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\u2800]/u;
// Private use, unassigned, and lone surrogate code points: no font can be relied on to show them.
const UNSHOWABLE = /[\p{Co}\p{Cn}\p{Cs}]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Why a normalised display name cannot be used, or null. Uniqueness is checked on the server
 * (server/users/display-name.ts), over lib/name-key.ts.
 */
export function displayNameRefusal(name: string): string | null {
  if (name.length < DISPLAY_NAME_MIN) return `Your display name needs at least ${DISPLAY_NAME_MIN} characters.`;
  if (name.length > DISPLAY_NAME_MAX) return `Keep your display name to ${DISPLAY_NAME_MAX} characters.`;
  const hidden = HIDDEN.exec(name);
  if (hidden) {
    return `Your display name contains an invisible, formatting or direction-changing character (${codePoint(hidden[0])}). Remove it and try again.`;
  }
  const unshowable = UNSHOWABLE.exec(name);
  if (unshowable) {
    return `Your display name contains a character that cannot be shown (${codePoint(unshowable[0])}). Remove it and try again.`;
  }
  if (!/\p{L}/u.test(name)) return "Your display name needs at least one letter.";
  return null;
}
