import "server-only";
import { loadEnvConfig } from "@next/env";
import { z } from "zod";

// Next has already loaded .env files inside the app; scripts (seed, import) get them here.
loadEnvConfig(process.cwd());

// The one place configuration is read and validated. Defaults make a fresh clone work with no
// configuration at all; README.md and .env.example list every variable.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./prisma/dev.db")
    .refine((url) => url.startsWith("file:"), "DATABASE_URL must be a file: URL for SQLite (PostgreSQL support comes later)"),
});

export const env = envSchema.parse(process.env);
