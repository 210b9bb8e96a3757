import "server-only";
import type { Prisma } from "@/generated/prisma/client";

export const subheadingSummarySelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  position: true,
  contributionCount: true,
  replyCount: true,
  lastActivityAt: true,
  locked: true,
  slowModeSeconds: true,
} satisfies Prisma.SubheadingSelect;
