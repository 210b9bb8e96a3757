import { describe, expect, it } from "vitest";
import { addressHash, addressKey } from "./address-key";

describe("addressKey", () => {
  it("keeps an IPv4 address, and unwraps one written as IPv6", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::FFFF:cb00:7107")).toBe("203.0.113.7");
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    const key = "2001:db8:1:2::/64";
    expect(addressKey("2001:db8:1:2::1")).toBe(key);
    expect(addressKey("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe(key);
    expect(addressKey("2001:db8:1:2:0:0:0:9%eth0")).toBe(key);
    expect(addressKey("2001:db8:1:3::1")).not.toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  it("hashes with a key: stable, and not the address", () => {
    expect(addressHash("203.0.113.7")).toBe(addressHash("203.0.113.7"));
    expect(addressHash("203.0.113.7")).not.toBe(addressHash("203.0.113.8"));
    expect(addressHash("203.0.113.7")).not.toContain("203");
  });
});
