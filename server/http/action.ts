import "server-only";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { requireSameOrigin, requireUser, type SessionUser } from "../auth/session";
import { invalidateTags } from "../cache/invalidate-tags";
import { invalid, toActionError } from "../errors";
import { runAfterCommit, type Written } from "../write";
import { markActionGuardRan } from "./request-marks";

// Every mutation, end to end, in one place: same-site Origin, session, zod, the domain write,
// the invalidation of exactly the tags the write touched (after its commit), and the typed
// result the form shows. An action file declares only what differs.

type Form = (prev: ActionState, form: FormData) => Promise<ActionState>;
/** What the form is told on success: a message, or fields built from the result and the input. */
type Reply<I, R> = string | ((result: R, input: I) => Omit<ActionState, "ok">);

/** Who may call an action at all; what each role may then do is the domain's (lib/permissions.ts). */
export type Access = "anyone" | "signed-in";
export type RegisteredAction = { access: Access; run: Form };

const registry: RegisteredAction[] = [];

/** Every action defined so far: the authorization tests walk this list (and name each by its export). */
export function registeredActions(): RegisteredAction[] {
  return [...registry];
}

/** An action for signed-in members: `run` gets the validated input and, as `actor`, the current user. */
export function action<S extends z.ZodType, R extends Written>(
  schema: S,
  run: (input: z.output<S> & { actor: SessionUser }) => Promise<R>,
  reply: Reply<z.output<S>, Omit<R, "tags" | "after">> = () => ({}),
): Form {
  return define(
    "signed-in",
    schema,
    (actor, input) => run({ ...(input as object), actor: actor! } as z.output<S> & { actor: SessionUser }),
    reply,
  );
}

/** An action anyone may call from this site (sign-up). */
export function publicAction<S extends z.ZodType, R extends Written>(
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  reply: Reply<z.output<S>, Omit<R, "tags" | "after">> = () => ({}),
): Form {
  return define("anyone", schema, (_actor, input) => run(input), reply);
}

function define<S extends z.ZodType, R extends Written>(
  access: Access,
  schema: S,
  run: (actor: SessionUser | null, input: z.output<S>) => Promise<R>,
  reply: Reply<z.output<S>, Omit<R, "tags" | "after">>,
): Form {
  const guarded: Form = async (_prev, form) => {
    markActionGuardRan();
    try {
      await requireSameOrigin();
      const actor = access === "anyone" ? null : await requireUser();
      const parsed = schema.safeParse(formFields(form));
      if (!parsed.success) return invalid(parsed.error);
      const { tags, after, ...result } = await run(actor, parsed.data);
      await invalidateTags(tags);
      await runAfterCommit(after);
      return { ok: true, ...(typeof reply === "string" ? { message: reply } : reply(result, parsed.data)) };
    } catch (error) {
      return toActionError(error);
    }
  };
  registry.push({ access, run: guarded });
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
