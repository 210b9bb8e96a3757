// When do two display names read as one? When their keys meet: the confusable skeleton of Unicode
// UTS #39 (section 4), made blind to case. The table of look-alikes is Unicode's confusables.txt as
// packaged by `unhomoglyph` (data 13.0.0); this module is the algorithm around it. The keys are for
// comparing only: never shown, never a "normalised" name. Imported by the server alone: the table
// is large, and the browser has no use for it.
import unhomoglyph from "unhomoglyph";

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * UTS #39 skeleton(X): NFD, drop default-ignorable code points, replace each character by its
 * confusables.txt prototype, NFD again. "Міchel" (Cyrillic і) and "Michel" share one.
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD").replace(IGNORABLE, "")).normalize("NFD");
}

/** Full case folding, near enough: upper then lower turns ß into ss and a final ς into σ. */
const fold = (text: string) => text.toUpperCase().toLowerCase();

/**
 * A name's key: its skeleton, case-folded, skeleton again (folding can reveal more look-alikes:
 * Greek Μ is M, then m, then "rn"), until it settles. Then two equivalences meet: UTS #39 makes a
 * capital I one with a small l, case folding makes it one with a small i, so i and l are one letter
 * here ("MlCHEL" is "MICHEL" is "Michel"); and only letters, marks and digits count, so spacing,
 * punctuation and symbols cannot tell two names apart ("Michel Bauwens." is "Michel Bauwens").
 */
export function nameKey(name: string): string {
  let key = skeleton(name);
  for (let i = 0; i < 4; i++) {
    const next = skeleton(fold(key));
    if (next === key) break;
    key = next;
  }
  return key.replace(/i/g, "l").replace(/[^\p{L}\p{M}\p{N}]/gu, "");
}

/**
 * The keys to look for when someone wants `name`: its own, and those of its all-small and
 * all-capital forms, since a capital and its small letter may look like two different Latin
 * letters ("ИВАН" against "Иван": В is B, в is a small capital ʙ).
 */
export function nameKeyProbes(name: string): string[] {
  return [...new Set([nameKey(name), nameKey(name.toLowerCase()), nameKey(name.toUpperCase())])];
}
