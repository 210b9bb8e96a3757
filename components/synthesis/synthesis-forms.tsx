"use client";

import { useId } from "react";
import { buttonClass, describedBy, Field, inputClass } from "@/components/field";
import { synthesisEditRefusal } from "@/lib/permissions";
import { SYNTHESIS_MAX, SYNTHESIS_NOTE_MAX, SYNTHESIS_STATUSES, SYNTHESIS_STATUS_LABELS } from "@/lib/synthesis";
import { editSynthesisAction, proposeSynthesisEditAction } from "@/server/actions/synthesis";
import { useViewer } from "../use-viewer";
import { SynthesisFormMessage } from "./form-message";
import { useSynthesisForm } from "./use-synthesis-form";

type Props = {
  debateId: string;
  subheadingId: string | null;
  openerId: string | null;
  body: string;
  status: string;
  version: number;
  /** Who may propose, in words ("members who have posted under this subheading"). */
  proposers: string;
};

/**
 * The forms of a synthesis's page: for moderators and the debate's opener, the edit form (text,
 * status, note); for other members, the form to propose an edit (the server checks they took part).
 * After a change the page refreshes: the hidden base version follows, and the fields keep what was
 * sent (which is the new text) along with the form's answer.
 */
export function SynthesisForms(props: Props) {
  const { viewer, loading } = useViewer();
  if (loading) return null;
  if (!viewer) return <p className="text-sm text-stone-600 dark:text-stone-400">Sign in to propose an edit.</p>;
  if (viewer.restriction) return <p className="text-sm text-stone-600 dark:text-stone-400">{viewer.restriction}</p>;
  return synthesisEditRefusal(viewer, { openerId: props.openerId }) === null ? (
    <EditForm {...props} />
  ) : (
    <ProposeForm {...props} />
  );
}

function EditForm({ debateId, subheadingId, body, status, version }: Props) {
  const id = useId();
  const { state, errors, ready, pending, onSubmit, formRef, messageRef } = useSynthesisForm(editSynthesisAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-h`} className="space-y-4">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        Edit the synthesis
      </h2>
      <input type="hidden" name="debateId" value={debateId} />
      {subheadingId && <input type="hidden" name="subheadingId" value={subheadingId} />}
      <input type="hidden" name="baseVersion" value={version} />
      <BodyField
        id={id}
        defaultValue={body}
        errors={errors.body}
        hint="Markdown. A link to a post alone on its line shows as a quote."
      />
      <Field id={`${id}-status`} label="Status" errors={errors.status}>
        <select
          id={`${id}-status`}
          name="status"
          defaultValue={status}
          aria-invalid={!!errors.status}
          aria-describedby={describedBy(`${id}-status`, { errors: errors.status })}
          className={inputClass}
        >
          {SYNTHESIS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {SYNTHESIS_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <NoteField id={id} label="Note on this change (optional)" errors={errors.note} />
      <SynthesisFormMessage message={state.message} ok={state.ok} messageRef={messageRef} />
      <button type="submit" disabled={!ready} className={buttonClass}>
        {pending ? "Saving…" : "Save a new version"}
      </button>
    </form>
  );
}

function ProposeForm({ debateId, subheadingId, body, version, proposers }: Props) {
  const id = useId();
  const { state, errors, ready, pending, onSubmit, formRef, messageRef } = useSynthesisForm(proposeSynthesisEditAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-h`} className="space-y-4">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        Propose an edit
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Open to {proposers}. The debate&rsquo;s opener or a moderator reviews each proposal.
      </p>
      <input type="hidden" name="debateId" value={debateId} />
      {subheadingId && <input type="hidden" name="subheadingId" value={subheadingId} />}
      <input type="hidden" name="baseVersion" value={version} />
      <BodyField id={id} defaultValue={body} errors={errors.body} hint="Markdown, starting from the current text." />
      <NoteField id={id} label="Why this change (optional)" errors={errors.note} />
      <SynthesisFormMessage message={state.message} ok={state.ok} messageRef={messageRef} />
      <button type="submit" disabled={!ready} className={buttonClass}>
        {pending ? "Sending…" : "Propose this edit"}
      </button>
    </form>
  );
}

function BodyField({
  id,
  defaultValue,
  errors,
  hint,
}: {
  id: string;
  defaultValue: string;
  errors?: string[];
  hint: string;
}) {
  return (
    <Field id={`${id}-body`} label="Synthesis" hint={hint} errors={errors}>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={12}
        maxLength={SYNTHESIS_MAX}
        defaultValue={defaultValue}
        aria-invalid={!!errors}
        aria-describedby={describedBy(`${id}-body`, { hint: true, errors })}
        className={`${inputClass} font-mono text-sm`}
      />
    </Field>
  );
}

export function NoteField({
  id,
  label,
  errors,
  name = "note",
}: {
  id: string;
  label: string;
  errors?: string[];
  name?: string;
}) {
  return (
    <Field id={`${id}-${name}`} label={label} errors={errors}>
      <input
        id={`${id}-${name}`}
        name={name}
        maxLength={SYNTHESIS_NOTE_MAX}
        aria-invalid={!!errors}
        aria-describedby={describedBy(`${id}-${name}`, { errors })}
        className={inputClass}
      />
    </Field>
  );
}
