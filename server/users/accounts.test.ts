import { afterEach, describe, expect, it } from "vitest";
import { SIGN_IN_MAX_FAILURES } from "../auth/throttle";
import { loadSessionUser } from "../auth/session";
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

  it("throttles an account after repeated failures, even with the right password, and says how long", async () => {
    const address = email();
    await createUser({ name: "Fay", email: address, password: PASSWORD });
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      await expect(authenticate({ email: address, password: `guess ${i}`, ip: `10.1.0.${i}` })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.9.9.9" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in \d+ seconds?\./),
    });
  });

  it("throttles an IP that tries many accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      await expect(authenticate({ email: email(), password: "nope nope", ip })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    const address = email();
    await createUser({ name: "Gus", email: address, password: PASSWORD });
    await expect(authenticate({ email: address, password: PASSWORD, ip })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(authenticate({ email: address, password: PASSWORD, ip: "10.2.0.2" })).resolves.toMatchObject({
      name: "Gus",
    });
  });
});

describe("loadSessionUser (revocable sessions)", () => {
  it("accepts a token of the current session version only", async () => {
    const user = await createUser({ name: "Hal", email: email(), password: PASSWORD });
    expect(await loadSessionUser(user.id, 0)).toMatchObject({ id: user.id, name: "Hal" });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(user.id, 0)).toBeNull();
    expect(await loadSessionUser(user.id, 1)).not.toBeNull();
    expect(await loadSessionUser("nobody", 0)).toBeNull();
    expect(await loadSessionUser(user.id, "0")).toBeNull();
  });
});
