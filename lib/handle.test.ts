import { describe, expect, it } from "vitest";
import {
  handleCandidates,
  handleFromName,
  handleRefusal,
  HANDLE_MAX,
  isValidHandle,
  normalizeHandle,
  suffixedHandle,
} from "./handle";

describe("normalizeHandle", () => {
  it("trims, drops a leading @ and lower-cases", () => {
    expect(normalizeHandle("  @Ada_Lovelace ")).toBe("ada_lovelace");
    expect(normalizeHandle("BOB-2")).toBe("bob-2");
  });
});

describe("handleRefusal", () => {
  it("accepts letters, digits, _ and -", () => {
    for (const h of ["ada", "ada_lovelace", "michel-bauwens", "r2d2", "x_1", "a" + "b".repeat(HANDLE_MAX - 1)]) {
      expect(handleRefusal(h), h).toBeNull();
    }
  });

  it("refuses handles that are too short or too long", () => {
    expect(handleRefusal("ab")).toMatch(/at least 3/);
    expect(handleRefusal("a".repeat(HANDLE_MAX + 1))).toMatch(/to 30/);
  });

  it("refuses upper case, spaces, dots, accents and anything but the allowed set", () => {
    for (const h of ["Ada", "ada lovelace", "ada.l", "adà", "ada@x", "ａｄａ", "ada\u200b"]) {
      expect(handleRefusal(h), h).toMatch(/only lower-case/);
    }
  });

  it("refuses handles starting or ending with _ or -", () => {
    expect(handleRefusal("-ada")).toMatch(/Start and end/);
    expect(handleRefusal("ada_")).toMatch(/Start and end/);
  });

  it("refuses all digits", () => {
    expect(handleRefusal("12345")).toMatch(/at least one letter/);
    expect(handleRefusal("123-45")).toBeNull();
  });

  it("refuses reserved words", () => {
    for (const h of ["new", "admin", "moderator", "everyone", "here", "api"]) {
      expect(handleRefusal(h), h).toMatch(/reserved/);
    }
  });
});

describe("handleFromName", () => {
  it("lower-cases and joins words with -", () => {
    expect(handleFromName("Michel Bauwens")).toBe("michel-bauwens");
    expect(handleFromName("  Ada   Lovelace!! ")).toBe("ada-lovelace");
  });

  it("strips accents and spells out letters without a plain form", () => {
    expect(handleFromName("Zoë Ångström")).toBe("zoe-angstrom");
    expect(handleFromName("Łukasz Straße")).toBe("lukasz-strasse");
    expect(handleFromName("Søren Kierkegaard")).toBe("soren-kierkegaard");
  });

  it("always gives a valid handle, falling back to member", () => {
    for (const name of ["李小龍", "😀😀", "Al", "123", "Admin", "-", "", "J.", "a".repeat(80) + " b"]) {
      const handle = handleFromName(name);
      expect(isValidHandle(handle), `${name} → ${handle}`).toBe(true);
    }
    expect(handleFromName("李小龍")).toBe("member");
    expect(handleFromName("Al")).toBe("al-member");
    expect(handleFromName("Admin")).toBe("admin-member");
    expect(handleFromName("2001")).toBe("2001-member");
  });

  it("clips long names without a trailing separator", () => {
    const handle = handleFromName("Abcdefghijklmnopqrstuvwxyzabc Defgh");
    expect(handle.length).toBeLessThanOrEqual(HANDLE_MAX);
    expect(handle).toBe("abcdefghijklmnopqrstuvwxyzabc");
  });
});

describe("handleCandidates", () => {
  it("tries the base, then numbered ones within the maximum", () => {
    expect(handleCandidates("bob").slice(0, 3)).toEqual(["bob", "bob-2", "bob-3"]);
    const long = "a".repeat(HANDLE_MAX);
    for (const h of handleCandidates(long)) expect(isValidHandle(h), h).toBe(true);
    expect(suffixedHandle(long, "x7k2")).toHaveLength(HANDLE_MAX);
  });
});
