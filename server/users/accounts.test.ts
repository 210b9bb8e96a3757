import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { authenticate, WRONG_CREDENTIALS } from "./authenticate";
import { createUser } from "./create-user";

let n = 0;
const email = () => `person-${++n}-${Date.now()}@example.test`;
const PASSWORD = "a long and unusual passphrase";

describe("createUser", () => {
  afterEach(() => {
    delete process.env.ADMIN_EMAILS;
  });

  it("stores an argon2id hash, never the password", async () => {
    const user = await createUser({ name: "Ada", email: email(), password: PASSWORD });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(row.role).toBe("MEMBER");
    expect(Object.keys(user)).not.toContain("passwordHash");
  });

  it("refuses one of the common passwords", async () => {
    await expect(createUser({ name: "Bob", email: email(), password: "password123" })).rejects.toMatchObject({
      code: "INVALID",
      field: "password",
    });
    await expect(createUser({ name: "Bob", email: email(), password: "Baseball" })).rejects.toMatchObject({
      field: "password",
    });
  });

  it("allows one account per email", async () => {
    const address = email();
    await createUser({ name: "Cy", email: address, password: PASSWORD });
    await expect(createUser({ name: "Cy again", email: address, password: PASSWORD })).rejects.toMatchObject({
      code: "CONFLICT",
      field: "email",
    });
    expect(await db.user.count({ where: { email: address } })).toBe(1);
  });

  it("makes the addresses in ADMIN_EMAILS admins", async () => {
    const address = email();
    process.env.ADMIN_EMAILS = `someone@else.test, ${address.toUpperCase()}`;
    const user = await createUser({ name: "Admin", email: address, password: PASSWORD });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("ADMIN");
  });
});

describe("authenticate", () => {
  it("signs in with the right password", async () => {
    const address = email();
    const created = await createUser({ name: "Dee", email: address, password: PASSWORD });
    const user = await authenticate({ email: address, password: PASSWORD, ip: "10.0.0.1" });
    expect(user).toMatchObject({ id: created.id, name: "Dee" });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("says the same thing for a wrong password, an unknown email and an imported author", async () => {
    const address = email();
    await createUser({ name: "Eve", email: address, password: PASSWORD });
    await db.user.create({
      data: { name: "Archived", importKey: `archive:x-${n}`, email: `archived-${n}@example.test` },
    });
    for (const attempt of [
      { email: address, password: "wrong password!" },
      { email: email(), password: PASSWORD },
      { email: `archived-${n}@example.test`, password: PASSWORD },
    ]) {
      await expect(authenticate({ ...attempt, ip: null })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        message: WRONG_CREDENTIALS,
      });
    }
  });

  it("never locks the owner out: the admin's right password from a clean address works after failures elsewhere", async () => {
    const address = email();
    process.env.ADMIN_EMAILS = address;
    await createUser({ name: "Fay", email: address, password: PASSWORD });
    // One attacker address, then many: every attempt fails, or is told to wait.
    for (let i = 0; i < 8; i++) {
      await expect(authenticate({ email: address, password: `guess ${i}`, ip: "10.1.0.1" })).rejects.toMatchObject({
        code: expect.stringMatching(/^(UNAUTHENTICATED|RATE_LIMITED)$/),
      });
    }
    for (let i = 0; i < 30; i++) {
      await expect(authenticate({ email: address, password: `guess ${i}`, ip: `10.1.1.${i}` })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.9.9.9" })).resolves.toMatchObject({
      role: "ADMIN",
    });
    delete process.env.ADMIN_EMAILS;
  });

  it("makes one address that keeps failing against one account wait, even with the right password", async () => {
    const address = email();
    await createUser({ name: "Fern", email: address, password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email: address, password: `guess ${i}`, ip: "10.1.2.1" })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.1.2.1" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in \d+ (seconds?|minutes?)\.$/),
    });
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.1.2.2" })).resolves.toMatchObject({
      name: "Fern",
    });
  });

  it("under attack from many addresses, makes an address that already failed against the account wait", async () => {
    const address = email();
    await createUser({ name: "Flora", email: address, password: PASSWORD });
    for (let i = 0; i < 12; i++) {
      await expect(authenticate({ email: address, password: "nope nope", ip: `10.1.3.${i}` })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    // 10.1.3.0 has failed once: a second failure from it is allowed (a typo), a third attempt waits.
    await expect(authenticate({ email: address, password: "nope again", ip: "10.1.3.0" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.1.3.0" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.1.3.200" })).resolves.toMatchObject({
      name: "Flora",
    });
  });

  it("throttles an address that keeps failing, across accounts, and no other", async () => {
    const ip = "10.2.0.1";
    const results: string[] = [];
    for (let i = 0; i < 25; i++) {
      results.push(
        await authenticate({ email: email(), password: "nope nope", ip }).then(
          () => "signed in",
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(results.slice(0, 20).every((code) => code === "UNAUTHENTICATED")).toBe(true);
    expect(results.slice(20).every((code) => code === "RATE_LIMITED")).toBe(true);
    const address = email();
    await createUser({ name: "Gus", email: address, password: PASSWORD });
    await expect(authenticate({ email: address, password: PASSWORD, ip })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in \d+ minutes?\.$/),
    });
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.2.0.2" })).resolves.toMatchObject({
      name: "Gus",
    });
  });

  it("lets no more guesses through when they are sent all at once (as to several instances)", async () => {
    const address = email();
    await createUser({ name: "Hedda", email: address, password: PASSWORD });
    const codes = await Promise.all(
      Array.from({ length: 12 }, () =>
        authenticate({ email: address, password: "wrong guess", ip: "10.3.0.1" }).then(
          () => "signed in",
          (e: { code: string }) => e.code,
        ),
      ),
    );
    // 5 failures per account and address: the rest must wait, however many were in flight.
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(5);
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(7);
  });
});
