import "server-only";
import { loadEnvConfig } from "@next/env";
import { z } from "zod";
import { isPostgresUrl } from "./postgres/connection";

// Next has already loaded .env files inside the app; scripts (seed, import) get them here.
loadEnvConfig(process.cwd());

// The one place configuration is read and validated. Defaults make a fresh clone work with no
// configuration at all; README.md and .env.example list every variable.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./prisma/dev.db")
    .refine(
      (url) => url.startsWith("file:") || isPostgresUrl(url),
      "DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL (PostgreSQL)",
    ),
  // Connections each instance keeps open to PostgreSQL.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Shared cache, invalidations, rate limits and view counters for several instances (README).
  REDIS_URL: z.union([z.literal(""), z.url({ protocol: /^rediss?$/ })]).optional(),
  // Signs session cookies. `npm start` generates one into .env.local when none is set.
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  ADMIN_EMAILS: z.string().default(""),
  // Email to members (notifications, daily digests) through this SMTP server; unset: no email at all.
  SMTP_URL: z.union([z.literal(""), z.url({ protocol: /^smtps?$/ })]).optional(),
  // The sender of those emails; default "Debate Commons <no-reply@<NEXTAUTH_URL's host>>".
  MAIL_FROM: z.string().min(3).optional(),
});

export const env = envSchema.parse(process.env);

// next-auth reads this itself: without it, links and redirects would point at port 3000
// whatever PORT says.
process.env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;
