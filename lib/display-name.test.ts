// Display names as typed: normalised, then refused when they hide characters, reorder text or show
// no letter at all (issue 8, finding 4). Whether a name is someone else's is lib/name-key.ts.
import { describe, expect, it } from "vitest";
import { displayNameRefusal, normalizeDisplayName } from "./display-name";

const accepted = (raw: string) => displayNameRefusal(normalizeDisplayName(raw));

describe("normalizeDisplayName", () => {
  it("applies NFKC: full-width, ligature and composed forms become the plain ones", () => {
    expect(normalizeDisplayName("Ｍｉｃｈｅｌ")).toBe("Michel");
    expect(normalizeDisplayName("ﬁona")).toBe("fiona");
    expect(normalizeDisplayName("Zoe\u0308")).toBe("Zoë");
  });

  it("collapses every kind of space to one and trims the ends", () => {
    expect(normalizeDisplayName("  Ada \u00a0\u3000 Lovelace\t\n")).toBe("Ada Lovelace");
    expect(normalizeDisplayName("Ada\u2028Lovelace\u0085")).toBe("Ada Lovelace");
  });
});

describe("displayNameRefusal", () => {
  it("accepts ordinary names in any script", () => {
    for (const name of [
      "Michel Bauwens",
      "Jo",
      "José Ramírez",
      "Anne-Marie O'Neil",
      "李小龍",
      "Ольга",
      "Ελένη",
      "أحمد",
    ]) {
      expect(accepted(name), name).toBeNull();
    }
  });

  it("refuses a zero-width space inside a name, naming the character", () => {
    expect(accepted("Michel\u200b Bauwens")).toMatch(/invisible.*U\+200B/);
    expect(accepted("Mi\u200bchel Bauwens")).toMatch(/invisible.*U\+200B/);
  });

  it("refuses a right-to-left override and the other direction controls", () => {
    expect(accepted("\u202eMichel Bauwens")).toMatch(/U\+202E/);
    for (const control of [
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200e",
      "\u200f",
      "\u061c",
    ]) {
      expect(accepted(`Ada ${control}Admin`), control.codePointAt(0)!.toString(16)).not.toBeNull();
    }
  });

  it("refuses a name made only of invisible characters", () => {
    for (const name of [
      "\u200b\u200b\u200b",
      "\u200c\u200d\u2060",
      "\u3164\u3164",
      "\u2800\u2800\u2800",
      "\u115f\u1160",
      "\ufeff\u200b\ufeff",
    ]) {
      expect(accepted(name), JSON.stringify(name)).not.toBeNull();
    }
  });

  it("refuses other format, control and default-ignorable characters wherever they are", () => {
    for (const hidden of [
      "\u00ad",
      "\u034f",
      "\ufe0f",
      "\u180e",
      "\u0007",
      "\u001b",
      "\ufeff",
      "\u{e0041}",
      "\u{1d173}",
    ]) {
      expect(accepted(`Ada${hidden}Admin`), hidden.codePointAt(0)!.toString(16)).not.toBeNull();
    }
  });

  it("refuses characters no font shows: private use, unassigned, lone surrogates", () => {
    for (const odd of ["\ue000", "\u{10ffff}", "\ud800"]) {
      expect(accepted(`Ada ${odd}`), odd.codePointAt(0)!.toString(16)).not.toBeNull();
    }
  });

  it("wants at least one letter", () => {
    expect(accepted("!!!")).toMatch(/letter/);
    expect(accepted("1234")).toMatch(/letter/);
    expect(accepted("🙂🙂")).toMatch(/letter/);
    expect(accepted("R2")).toBeNull();
  });

  it("keeps the length limits, measured on the normalised name", () => {
    expect(accepted("A")).toMatch(/at least 2/);
    expect(accepted("  A  ")).toMatch(/at least 2/);
    expect(accepted("a".repeat(61))).toMatch(/60/);
    expect(accepted("a".repeat(60))).toBeNull();
  });
});
