"use server";

import { banSchema, liftSchema, roleSchema, suspendSchema } from "@/lib/schemas/moderation";
import { formatUtc } from "@/lib/utc-format";
import { action } from "../http/action";
import { banUser, liftRestrictions, setRole, suspendUser } from "../moderation/users";

export const suspendUserAction = action(suspendSchema, suspendUser, ({ until }) => ({
  message: `Suspended until ${formatUtc(until)}.`,
}));

export const banUserAction = action(banSchema, banUser, "Banned.");

export const liftRestrictionsAction = action(liftSchema, liftRestrictions, "Suspension and ban lifted.");

export const setRoleAction = action(roleSchema, setRole, ({ role }) => ({
  message: `Role set to ${role.toLowerCase()}.`,
}));
