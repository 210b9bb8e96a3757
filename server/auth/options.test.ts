// next-auth's credentials sign-in keys its throttle on the address our server set from the socket,
// never on X-Forwarded-For, which any client can write (issue 8, finding 3).
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";
import { authOptions } from "./options";

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string } | null>;
const credentials = authOptions.providers.find((p) => p.id === "credentials") as unknown as {
  options: { authorize: Authorize };
};

describe("credentials sign-in", () => {
  it("throttles one socket address however X-Forwarded-For varies", async () => {
    const messages: string[] = [];
    for (let i = 0; i < 25; i++) {
      const headers = {
        [CLIENT_ADDRESS_HEADER]: "192.0.2.99",
        "x-forwarded-for": `10.20.${i}.1`,
        "x-real-ip": `10.30.${i}.1`,
      };
      const attempt = credentials.options.authorize(
        { email: `nobody-${i}@example.test`, password: "not the password" },
        { headers },
      );
      messages.push(
        await attempt.then(
          () => "signed in",
          (error: Error) => error.message,
        ),
      );
    }
    expect(messages.at(0)).toBe("Wrong email or password.");
    expect(messages.at(-1)).toMatch(/^Too many failed attempts\. Try again in \d+ (seconds?|minutes?)\.$/);
  });
});
