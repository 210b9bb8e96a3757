import path from "node:path";

export const ADMIN = { name: "E2E Admin", email: "admin@e2e.test", password: "admin's long passphrase" };
export const MODERATOR = {
  name: "E2E Moderator",
  email: "moderator@e2e.test",
  password: "moderator's long passphrase",
};
/** Where the setup project keeps each staff role's signed-in browser state. */
export const stateFile = (role: "admin" | "moderator") => path.join(process.env.E2E_DATA_DIR!, `${role}.json`);
