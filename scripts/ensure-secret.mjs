// Run by `npm start` and `npm run dev`: where NEXTAUTH_SECRET is set nowhere (environment, .env,
// .env.local, …), generate one and keep it in .env.local (ignored by git) for later starts.
// A deployment sets its own.
import nextEnv from "@next/env";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";

nextEnv.loadEnvConfig(process.cwd());
if (!process.env.NEXTAUTH_SECRET) {
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(
    ".env.local",
    `\n# Generated on first start by scripts/ensure-secret.mjs: signs session cookies. Keep it out of git.\nNEXTAUTH_SECRET=${secret}\n`,
  );
  console.log("auth: no NEXTAUTH_SECRET was set; generated one into .env.local");
}
