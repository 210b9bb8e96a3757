"use client";

import { useRouter } from "next/navigation";
import { useSession } from "@/components/session";
import { useActionState, useState } from "react";
import { buttonClass, describedBy, Field, inputClass, secondaryButtonClass } from "@/components/field";
import { ArrowDownIcon, ArrowUpIcon, CloseIcon } from "@/components/icons";
import type { ActionState } from "@/lib/action-state";
import { initialActionState, unreachable } from "@/lib/action-state";
import { isStaff } from "@/lib/permissions";
import { createDebateAction } from "@/server/actions/debates";

export function NewDebateForm() {
  const { data: session, status } = useSession();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [subheadings, setSubheadings] = useState<{ key: number; title: string }[]>([{ key: 1, title: "" }]);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await createDebateAction(prev, form).catch(unreachable);
    if (result.ok && result.redirectTo) {
      router.push(result.redirectTo);
      router.refresh(); // drop this browser's cached copy of the list of debates
    }
    return result;
  }, initialActionState);

  if (status === "loading") return null;
  if (!isStaff(session?.user ?? null)) {
    return <p className="mt-6 text-stone-600 dark:text-stone-400">Only moderators and admins can open a debate.</p>;
  }
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const move = (index: number, by: number) =>
    setSubheadings((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <Field id="title" label="Title" errors={errors.title}>
        <input
          id="title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={!!errors.title}
          aria-describedby={describedBy("title", { errors: errors.title })}
          className={inputClass}
        />
      </Field>
      <Field
        id="body"
        label="Opening post"
        hint="Markdown. Say what the debate is about and how it is divided."
        errors={errors.body}
      >
        <textarea
          id="body"
          name="body"
          rows={8}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={!!errors.body}
          aria-describedby={describedBy("body", { hint: true, errors: errors.body })}
          className={`${inputClass} font-mono text-sm`}
        />
      </Field>
      <fieldset aria-describedby={errors.subheadings ? "subheadings-error" : undefined}>
        <legend className="text-sm font-medium">Subheadings, in order</legend>
        <ol className="mt-2 space-y-2">
          {subheadings.map((s, index) => (
            <li key={s.key} className="flex items-center gap-2">
              <label className="sr-only" htmlFor={`subheading-${s.key}`}>
                Subheading {index + 1}
              </label>
              <span className="w-6 text-right text-sm text-stone-500 tabular-nums">{index + 1}.</span>
              <input
                id={`subheading-${s.key}`}
                name="subheading"
                value={s.title}
                onChange={(e) =>
                  setSubheadings((list) => list.map((x) => (x.key === s.key ? { ...x, title: e.target.value } : x)))
                }
                className={inputClass}
              />
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={`Move subheading ${index + 1} up`}
              >
                <ArrowUpIcon />
              </button>
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={index === subheadings.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move subheading ${index + 1} down`}
              >
                <ArrowDownIcon />
              </button>
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={subheadings.length === 1}
                onClick={() => setSubheadings((list) => list.filter((x) => x.key !== s.key))}
                aria-label={`Remove subheading ${index + 1}`}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className={`${secondaryButtonClass} mt-2`}
          onClick={() =>
            setSubheadings((list) => [...list, { key: Math.max(...list.map((x) => x.key)) + 1, title: "" }])
          }
        >
          Add a subheading
        </button>
        <div id="subheadings-error" aria-live="polite">
          {errors.subheadings?.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {e}
            </p>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite">
        {!state.ok && state.message && !state.fieldErrors && <p className="text-sm text-red-700">{state.message}</p>}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Opening…" : "Open the debate"}
      </button>
    </form>
  );
}
