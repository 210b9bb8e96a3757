import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-errors";

describe("signInErrorMessage (issue 8, finding 9)", () => {
  it("words next-auth's own codes", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInErrorMessage("OAuthAccountNotLinked")).toMatch(/already belongs/);
  });
  it.each(["Your account is compromised. Call +1 555 0100.", "<b>x</b>", "toString", "__proto__", "", null])(
    "shows nothing for %j, whatever a link puts there",
    (code) => {
      expect(signInErrorMessage(code)).toBeNull();
    },
  );
});
