// Whose name is this? Two display names clash when one's probes meet the other's key: the UTS #39
// confusable skeleton, case-folded (issue 8, finding 4). Every name of the finding is a case here.
import { describe, expect, it } from "vitest";
import { normalizeDisplayName } from "./display-name";
import { nameKey, nameKeyProbes } from "./name-key";

/** Would `wanted` be refused because `existing` is already someone's name? */
const clashes = (wanted: string, existing: string) =>
  nameKeyProbes(normalizeDisplayName(wanted)).includes(nameKey(normalizeDisplayName(existing)));

const ARCHIVE_AUTHOR = "Michel Bauwens";
const ADMIN = "Ada Admin";

describe("nameKey and nameKeyProbes", () => {
  it("an archive author's name, exactly", () => {
    expect(clashes("Michel Bauwens", ARCHIVE_AUTHOR)).toBe(true);
  });

  it("the admin's name, exactly", () => {
    expect(clashes("Ada Admin", ADMIN)).toBe(true);
  });

  it("the same names in capitals, in small letters, or mixed", () => {
    for (const [wanted, existing] of [
      ["MICHEL BAUWENS", ARCHIVE_AUTHOR],
      ["michel bauwens", ARCHIVE_AUTHOR],
      ["MIchel BAUWENS", ARCHIVE_AUTHOR],
      ["ADA ADMIN", ADMIN],
      ["ada admin", ADMIN],
      // and the other way round: an all-capitals name is taken by its title-case twin
      ["Michel Bauwens", "MICHEL BAUWENS"],
      ["Ada Admin", "ADA ADMIN"],
    ]) {
      expect(clashes(wanted!, existing!), `${wanted} / ${existing}`).toBe(true);
    }
  });

  it("Cyrillic and Greek look-alikes, capital or small", () => {
    for (const [wanted, existing] of [
      ["Міchel Bauwens", ARCHIVE_AUTHOR], // Cyrillic і
      ["Мichel Bauwens", ARCHIVE_AUTHOR], // Cyrillic М
      ["Michel Ваuwеns", ARCHIVE_AUTHOR], // Cyrillic В, а, е
      ["Μichel Bauwens", ARCHIVE_AUTHOR], // Greek Μ
      ["ΜΙCΗΕL ΒΑUWΕΝS", ARCHIVE_AUTHOR], // Greek capitals throughout
      ["ИВАН", "Иван"], // a Cyrillic name in capitals
      ["Иван", "ИВАН"],
      ["Аdа Аdmin", ADMIN], // Cyrillic А, а
      ["Αda Αdmin", ADMIN], // Greek Α
      ["Ada Admіn", ADMIN], // Cyrillic і
    ]) {
      expect(clashes(wanted!, existing!), `${wanted} / ${existing}`).toBe(true);
    }
  });

  it("other confusables: rn for m, digits for letters, full-width, punctuation and spacing", () => {
    for (const [wanted, existing] of [
      ["Rnichel Bauwens", ARCHIVE_AUTHOR],
      ["Miche1 Bauwens", ARCHIVE_AUTHOR],
      ["Ｍｉｃｈｅｌ Ｂａｕｗｅｎｓ", ARCHIVE_AUTHOR],
      ["Michel Bauwens.", ARCHIVE_AUTHOR],
      ["Michel_Bauwens", ARCHIVE_AUTHOR],
      ["MichelBauwens", ARCHIVE_AUTHOR],
      ["Ada  Admin ✓", ADMIN],
    ]) {
      expect(clashes(wanted!, existing!), `${wanted} / ${existing}`).toBe(true);
    }
  });

  it("tells different names apart", () => {
    for (const [wanted, existing] of [
      ["Michelle Bauwens", ARCHIVE_AUTHOR],
      ["Michael Bauwens", ARCHIVE_AUTHOR],
      ["Ida Admin", ADMIN],
      ["Ada Adams", ADMIN],
      ["Ольга", "Олег"],
    ]) {
      expect(clashes(wanted!, existing!), `${wanted} / ${existing}`).toBe(false);
    }
  });

  it("makes capital I, small i and small l one letter: UTS #39 makes I and l one, case folding I and i", () => {
    expect(clashes("MlCHEL BAUWENS", ARCHIVE_AUTHOR)).toBe(true); // small l for capital I
    expect(clashes("ΜΙCΗΕL ΒΑUWΕΝS", "MICHEL BAUWENS")).toBe(true);
    // The price, accepted: two real names apart only in i and l clash too.
    expect(clashes("Eila", "Ella")).toBe(true);
  });

  it("is case-blind for every Latin letter, whatever the case of the rest", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (const c of letters) {
      const name = `Ada ${c}${c}x`;
      expect(nameKey(name.toUpperCase()), c).toBe(nameKey(name));
      expect(nameKey(name.toLowerCase()), c).toBe(nameKey(name));
    }
  });

  it("ignores default-ignorable characters, as the skeleton does (archive names are not refused)", () => {
    expect(nameKey("Michel\u200b Bauwens")).toBe(nameKey("Michel Bauwens"));
  });

  it("is stable: a key is its own key's key, so stored keys can be recomputed", () => {
    for (const name of [ARCHIVE_AUTHOR, ADMIN, "Мichel Ваuwеns", "ΣΟΦΙΑ", "Straße"]) {
      const key = nameKey(name);
      expect(nameKey(key), name).toBe(key);
      expect(nameKeyProbes(name)).toContain(key);
    }
  });
});
