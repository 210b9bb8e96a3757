"use server";

import { banSchema, liftSchema, roleSchema, suspendSchema } from "@/lib/schemas/moderation";
import { action } from "../http/action";
import { banUser, liftRestrictions, setRole, suspendUser } from "../moderation/users";

export const suspendUserAction = action(
  "suspendUserAction",
  suspendSchema,
  (actor, input) => suspendUser({ actor, ...input }),
  ({ until }) => ({ message: `Suspended until ${until.toUTCString()}.` }),
);

export const banUserAction = action(
  "banUserAction",
  banSchema,
  (actor, input) => banUser({ actor, ...input }),
  () => ({ message: "Banned." }),
);

export const liftRestrictionsAction = action(
  "liftRestrictionsAction",
  liftSchema,
  (actor, input) => liftRestrictions({ actor, ...input }),
  () => ({ message: "Suspension and ban lifted." }),
);

export const setRoleAction = action(
  "setRoleAction",
  roleSchema,
  (actor, input) => setRole({ actor, ...input }),
  ({ role }) => ({ message: `Role set to ${role.toLowerCase()}.` }),
);
