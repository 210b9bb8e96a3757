import "server-only";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { getCurrentUser, requireSameOrigin, type SessionUser } from "../auth/session";
import { invalidateTags } from "../cache/invalidate-tags";
import { AppError, invalid, toActionError } from "../errors";
import type { Written } from "../write";

// Every mutation, end to end, in one place: same-site Origin, session, zod, the domain write,
// the invalidation of exactly the tags the write touched (after its commit), and the typed
// result the form shows. An action file declares only what differs.

type Form = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Reply<I, R> = (result: R, input: I) => Omit<ActionState, "ok">;

/** Who may call an action at all; what each role may then do is the domain's (lib/permissions.ts). */
export type Access = "anyone" | "signed-in";
export type RegisteredAction = { name: string; access: Access; run: Form };

const registry = new Map<string, RegisteredAction>();

/** Every action defined so far: the authorization tests walk this list. */
export function registeredActions(): RegisteredAction[] {
  return [...registry.values()];
}

/** An action for signed-in members: `run` gets the current user and the validated input. */
export function action<S extends z.ZodType, R extends Written>(
  name: string,
  schema: S,
  run: (actor: SessionUser, input: z.output<S>) => Promise<R>,
  reply: Reply<z.output<S>, Omit<R, "tags">> = () => ({}),
): Form {
  return define(name, "signed-in", schema, (actor, input) => run(actor!, input), reply);
}

/** An action anyone may call from this site (sign-up). */
export function publicAction<S extends z.ZodType, R extends Written>(
  name: string,
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  reply: Reply<z.output<S>, Omit<R, "tags">> = () => ({}),
): Form {
  return define(name, "anyone", schema, (_actor, input) => run(input), reply);
}

function define<S extends z.ZodType, R extends Written>(
  name: string,
  access: Access,
  schema: S,
  run: (actor: SessionUser | null, input: z.output<S>) => Promise<R>,
  reply: Reply<z.output<S>, Omit<R, "tags">>,
): Form {
  const guarded: Form = async (_prev, form) => {
    try {
      await requireSameOrigin();
      const actor = access === "anyone" ? null : await getCurrentUser();
      if (access === "signed-in" && !actor) {
        throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
      }
      const parsed = schema.safeParse(formFields(form));
      if (!parsed.success) return invalid(parsed.error);
      const { tags, ...result } = await run(actor, parsed.data);
      await invalidateTags(tags);
      return { ok: true, ...reply(result, parsed.data) };
    } catch (error) {
      return toActionError(error);
    }
  };
  registry.set(name, { name, access, run: guarded });
  return guarded;
}

/** A form's text fields: a name sent once is a string, one sent several times a list. Files are refused by the schemas. */
function formFields(form: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length > 0) fields[key] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}
