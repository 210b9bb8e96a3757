import type { Viewer } from "./permissions";

/** Moderators and admins: who sees the staff tools. Its own module, so a page's script that only
 * asks this does not carry every rule of lib/permissions.ts. */
export const isStaff = (viewer: Viewer): boolean => viewer?.role === "MODERATOR" || viewer?.role === "ADMIN";
