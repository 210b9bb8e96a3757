import { describe, expect, it } from "vitest";
import { POST } from "./route";

describe("POST /api/auth/*", () => {
  it("refuses sign-in and sign-out posted from another site, or with no Origin", async () => {
    for (const headers of [{ origin: "https://evil.example" }, {}] as Record<string, string>[]) {
      const request = new Request("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "email=a%40b.c&password=x",
      });
      const response = await POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
      expect(response.status).toBe(403);
    }
  });
});
