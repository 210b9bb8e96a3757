"use client";

import { isStaff } from "@/lib/permissions";
import { lazyForMembers } from "../lazy-component";

/** Who marked a post and how, for moderators (GET /api/posts/<id>/marks); nothing for anyone else. */
export const WhoMarked = lazyForMembers<{ postId: string }>(
  () => import("./who-marked-list").then((m) => m.WhoMarkedList),
  isStaff,
);
