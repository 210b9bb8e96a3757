// Stand-in for `next/headers` in tests that call Server Actions or route handlers as a browser
// would: `setRequestHeaders` decides what the next call sees. Use with
// `vi.mock("next/headers", () => import("@/test/next-headers"))`.
let current = new Headers();

export function setRequestHeaders(headers: Headers): void {
  current = headers;
}

export async function headers(): Promise<Headers> {
  return current;
}

export async function cookies() {
  const jar = new Map(
    (current.get("cookie") ?? "")
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as const),
  );
  return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) };
}
