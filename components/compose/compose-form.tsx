"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/action-state";
import { initialActionState, unreachable } from "@/lib/action-state";
import { BODY_MAX, TITLE_MAX } from "@/lib/limits";
import { fetchJson, type JsonResult } from "@/lib/fetch-json";
import { previewApi } from "@/lib/paths";
import { REPLY_TYPE_LABELS, REPLY_TYPES } from "@/lib/reply-types";
import type { Preview } from "@/lib/views";
import { buttonClass, describedBy, Field, inputClass, secondaryButtonClass } from "../field";
import { RetryCountdown, stampRetry, useRetryCountdown } from "./retry-countdown";
import { useDraft } from "./use-draft";
import { useMentions } from "./use-mentions";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type ComposeFormProps = {
  action: Action;
  /** Where this form's draft is kept (see use-draft.ts). */
  draftKey: string;
  /** Hidden fields: parentId, postId… */
  hidden?: Record<string, string>;
  /** For a new contribution: the subheadings to choose from, and the preselected one. */
  subheadings?: { id: string; title: string }[];
  defaultSubheadingId?: string;
  withTitle?: boolean;
  /** A reply: offers "How does this reply relate?" (lib/reply-types.ts), sent as `replyType`. */
  withReplyType?: boolean;
  initial?: { title?: string | null; body?: string };
  /** Text to add to the body (a quote); each new nonce adds it once. */
  insert?: { text: string; nonce: number } | null;
  submitLabel: string;
  pendingLabel: string;
  label: string;
  onSuccess: (state: ActionState) => void;
  /** Closes the form (Cancel, or Escape); the draft stays in this browser. */
  onCancel?: () => void;
};

/** The Markdown form: contribution, reply or edit. Keeps what was typed through errors and reloads. */
export function ComposeForm(props: ComposeFormProps) {
  const {
    action,
    draftKey,
    hidden = {},
    subheadings,
    withTitle = false,
    withReplyType = false,
    initial,
    insert,
    submitLabel,
    pendingLabel,
    label,
    onSuccess,
    onCancel,
  } = props;
  const id = useId();
  // When the answer never comes, what was typed stays, and sending again is safe: the idempotency
  // key makes a post that was saved answer for itself.
  const [state, formAction, pending] = useActionState(
    (prev: ActionState, form: FormData) => action(prev, form).catch(unreachable).then(stampRetry),
    initialActionState,
  );
  const [draft, setDraft, clearDraft] = useDraft(draftKey, {
    title: initial?.title ?? "",
    body: initial?.body ?? "",
    subheadingId: props.defaultSubheadingId ?? "",
  });
  const [replyType, setReplyType] = useState("");
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [preview, setPreview] = useState<JsonResult<Preview> | null>(null);
  const [previewing, startPreview] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const handled = useRef<ActionState | null>(null);
  const lastInsert = useRef<number | null>(null);
  const mentions = useMentions(bodyRef, (body) => setDraft((d) => ({ ...d, body })));
  // Field errors clear as soon as the field is changed (the next answer brings its own).
  const [fixed, setFixed] = useState<{ for: ActionState; names: string[] }>({ for: state, names: [] });
  const edited = (name: string) =>
    setFixed((f) => (f.for === state ? { for: state, names: [...f.names, name] } : { for: state, names: [name] }));
  const waitSeconds = useRetryCountdown(state);

  // Opening the form puts the caret in the text box: the opener moves focus back when it closes.
  useEffect(() => {
    bodyRef.current?.focus();
  }, []);

  useEffect(() => {
    if (state.ok && handled.current !== state) {
      handled.current = state;
      clearDraft();
      onSuccess(state);
    }
  }, [state, clearDraft, onSuccess]);

  useEffect(() => {
    if (!insert || lastInsert.current === insert.nonce) return;
    lastInsert.current = insert.nonce;
    setDraft((d) => ({ ...d, body: d.body.trim() ? `${d.body.trimEnd()}\n\n${insert.text}` : insert.text }));
    setTab("write");
    bodyRef.current?.focus();
  }, [insert, setDraft]);

  const errors = Object.fromEntries(
    Object.entries(state.ok ? {} : (state.fieldErrors ?? {})).filter(
      ([name]) => !(fixed.for === state && fixed.names.includes(name)),
    ),
  );
  // A "please wait N seconds" refusal goes once the wait is over (the countdown says so).
  const waited = !state.ok && !!state.retryUntil && waitSeconds === 0;
  const formError = !state.ok && state.message && !state.fieldErrors && !waited ? state.message : null;
  const bodyErrors = errors.body;

  function showPreview() {
    setTab("preview");
    const body = JSON.stringify({ body: draft.body });
    const headers = { "content-type": "application/json" };
    startPreview(async () => setPreview(await fetchJson<Preview>(previewApi(), { method: "POST", headers, body })));
  }

  return (
    <form
      // Submitted by hand rather than through `action`: React resets a form after its action runs,
      // which put the subheading <select> back on its placeholder after a refusal (its state, and so
      // the retry, still said otherwise). Every field here is controlled and kept until success.
      onSubmit={(e) => {
        e.preventDefault();
        if (pending || waitSeconds > 0) return;
        const form = new FormData(e.currentTarget);
        startTransition(() => formAction(form));
      }}
      onKeyDown={(e) => {
        // Escape closes the form (a mention list open takes it first); the draft is kept.
        if (e.key === "Escape" && onCancel && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
      aria-label={label}
      className="space-y-4 rounded-lg border border-stone-200 bg-stone-50 p-3 sm:p-4 dark:border-stone-800 dark:bg-stone-900/60"
      noValidate
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="idempotencyKey" value={draft.key} />
      {subheadings && (
        <Field
          id={`${id}-subheading`}
          label="Subheading"
          hint="Which part of the debate does this speak to?"
          errors={errors.subheadingId}
        >
          <select
            id={`${id}-subheading`}
            name="subheadingId"
            required
            value={draft.subheadingId}
            onChange={(e) => {
              setDraft((d) => ({ ...d, subheadingId: e.target.value }));
              edited("subheadingId");
            }}
            aria-invalid={!!errors.subheadingId}
            aria-describedby={describedBy(`${id}-subheading`, { hint: true, errors: errors.subheadingId })}
            className={inputClass}
          >
            <option value="">Choose a subheading…</option>
            {subheadings.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      {withTitle && (
        <Field id={`${id}-title`} label="Title (optional)" errors={errors.title}>
          <input
            id={`${id}-title`}
            name="title"
            maxLength={TITLE_MAX}
            value={draft.title}
            onChange={(e) => {
              setDraft((d) => ({ ...d, title: e.target.value }));
              edited("title");
            }}
            aria-invalid={!!errors.title}
            aria-describedby={describedBy(`${id}-title`, { errors: errors.title })}
            className={inputClass}
          />
        </Field>
      )}
      {withReplyType && (
        <Field
          id={`${id}-reply-type`}
          label="How does this reply relate? (optional)"
          hint="Shown as a label on your reply."
          errors={errors.replyType}
        >
          <select
            id={`${id}-reply-type`}
            name="replyType"
            value={replyType}
            onChange={(e) => {
              setReplyType(e.target.value);
              edited("replyType");
            }}
            aria-invalid={!!errors.replyType}
            aria-describedby={describedBy(`${id}-reply-type`, { hint: true, errors: errors.replyType })}
            className={inputClass}
          >
            <option value="">Not said</option>
            {REPLY_TYPES.map((type) => (
              <option key={type} value={type}>
                {REPLY_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div>
        <div className="flex items-end justify-between gap-2">
          <label htmlFor={`${id}-body`} className="block text-sm font-medium">
            {label}
          </label>
          <div className="flex gap-1 text-sm" role="group" aria-label="Editor mode">
            <button
              type="button"
              aria-pressed={tab === "write"}
              onClick={() => setTab("write")}
              className="rounded px-2 py-1 aria-pressed:bg-stone-200 dark:aria-pressed:bg-stone-800"
            >
              Write
            </button>
            <button
              type="button"
              aria-pressed={tab === "preview"}
              onClick={showPreview}
              className="rounded px-2 py-1 aria-pressed:bg-stone-200 dark:aria-pressed:bg-stone-800"
            >
              Preview
            </button>
          </div>
        </div>
        <textarea
          ref={bodyRef}
          id={`${id}-body`}
          name="body"
          required
          rows={8}
          maxLength={BODY_MAX}
          hidden={tab !== "write"}
          value={draft.body}
          {...mentions.textareaProps}
          onChange={(e) => {
            setDraft((d) => ({ ...d, body: e.target.value }));
            edited("body");
            mentions.update();
          }}
          aria-invalid={!!bodyErrors}
          aria-describedby={describedBy(`${id}-body`, { hint: true, errors: bodyErrors })}
          className={`${inputClass} mt-1 font-mono text-sm`}
        />
        {tab === "write" && mentions.list}
        {tab === "preview" && (
          <div
            className="mt-1 min-h-32 rounded-md border border-stone-300 bg-white p-3 dark:border-stone-700 dark:bg-stone-950"
            aria-live="polite"
            aria-busy={previewing}
          >
            {previewing || !preview ? (
              <p className="text-sm text-stone-500">Rendering preview…</p>
            ) : preview.ok && preview.data.html ? (
              <div
                className="prose prose-stone max-w-none font-serif dark:prose-invert"
                dangerouslySetInnerHTML={{ __html: preview.data.html }}
              />
            ) : (
              <p className="text-sm text-stone-500">{preview.ok ? "Nothing to preview yet." : preview.error}</p>
            )}
          </div>
        )}
        <p id={`${id}-body-hint`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
          Markdown: **bold**, *italic*, [links](https://…), &gt; quotes, - lists.{" "}
          {draft.body.length.toLocaleString("en-GB")} / {BODY_MAX.toLocaleString("en-GB")}
        </p>
        <div id={`${id}-body-error`} aria-live="polite">
          {bodyErrors?.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {e}
            </p>
          ))}
        </div>
      </div>
      <div aria-live="polite">
        {formError && (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
            {formError}
          </p>
        )}
      </div>
      <RetryCountdown seconds={waitSeconds} until={state.ok ? undefined : state.retryUntil} verb="post" />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || waitSeconds > 0} className={buttonClass}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={secondaryButtonClass}>
            Cancel
          </button>
        )}
        <span className="text-xs text-stone-500">Your draft is kept in this browser until you post it.</span>
      </div>
    </form>
  );
}
