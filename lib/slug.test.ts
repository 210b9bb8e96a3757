import { describe, expect, it } from "vitest";
import { isValidSubheadingSlug, slugify } from "./slug";

describe("slugify", () => {
  it("makes readable URL segments", () => {
    expect(slugify("The role of the commons")).toBe("the-role-of-the-commons");
    expect(slugify("  Marx & P2P: ¿qué?  ")).toBe("marx-p2p-que");
    expect(slugify("Mentóned Poulantzas")).toBe("mentoned-poulantzas");
  });
  it("never returns an empty slug", () => {
    expect(slugify("!!!")).toBe("untitled");
  });
});

describe("isValidSubheadingSlug", () => {
  it("refuses slugs that collide with the debate's own routes", () => {
    expect(isValidSubheadingSlug("posts")).toBe(false);
    expect(isValidSubheadingSlug("the-commons")).toBe(true);
    expect(isValidSubheadingSlug("Bad Slug")).toBe(false);
  });
});
