"use client";

import { useId, useState } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/field";
import { proposalWithdrawRefusal, synthesisEditRefusal } from "@/lib/permissions";
import { decideProposalAction, withdrawProposalAction } from "@/server/actions/synthesis";
import { useViewer } from "../use-viewer";
import { SynthesisFormMessage } from "./form-message";
import { NoteField } from "./synthesis-forms";
import { useSynthesisForm } from "./use-synthesis-form";

type Props = {
  proposalId: string;
  proposerId: string | null;
  openerId: string | null;
  status: string;
  /** Written against an older version than the current one: accepting needs a confirmation. */
  stale: boolean;
};

/** What may be done with an open proposal: accept or reject it (opener, moderators), or withdraw it (its proposer). */
export function ProposalForms(props: Props) {
  const { viewer, loading } = useViewer();
  // Once this browser decided it, the page's refresh says it is no longer open: the form stays
  // to show its answer.
  const [answered, setAnswered] = useState(false);
  if (loading || !viewer || (props.status !== "open" && !answered)) return null;
  const open = { authorId: props.proposerId, status: "open" };
  return (
    <>
      {synthesisEditRefusal(viewer, { openerId: props.openerId }) === null && (
        <DecideForm {...props} onAnswered={() => setAnswered(true)} />
      )}
      {proposalWithdrawRefusal(viewer, open) === null && (
        <WithdrawForm proposalId={props.proposalId} onAnswered={() => setAnswered(true)} />
      )}
    </>
  );
}

function DecideForm({ proposalId, stale, onAnswered }: Props & { onAnswered: () => void }) {
  const id = useId();
  const { state, errors, ready, pending, onSubmit, formRef, messageRef } = useSynthesisForm(
    decideProposalAction,
    onAnswered,
  );
  if (state.ok) return <SynthesisFormMessage message={state.message} ok messageRef={messageRef} />;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-h`} className="mt-6 space-y-4">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        Decide
      </h2>
      <input type="hidden" name="proposalId" value={proposalId} />
      <NoteField id={id} name="decisionNote" label="Note on your decision (optional)" errors={errors.decisionNote} />
      {stale && (
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="confirmStale"
              value="true"
              className="mt-1"
              aria-invalid={!!errors.confirmStale}
              aria-describedby={errors.confirmStale ? `${id}-stale-error` : undefined}
            />
            <span>
              Replace the current text: the synthesis changed since this proposal was written, and accepting it undoes
              those changes (see the diff against the current text above).
            </span>
          </label>
          <div id={`${id}-stale-error`} aria-live="polite">
            {errors.confirmStale?.map((e) => (
              <p key={e} className="mt-1 text-sm text-red-700 dark:text-red-400">
                {e}
              </p>
            ))}
          </div>
        </div>
      )}
      <SynthesisFormMessage
        message={errors.confirmStale ? undefined : state.message}
        ok={state.ok}
        messageRef={messageRef}
      />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="accept" disabled={!ready} className={buttonClass}>
          {pending ? "Saving…" : "Accept"}
        </button>
        <button type="submit" name="decision" value="reject" disabled={!ready} className={secondaryButtonClass}>
          Reject
        </button>
      </div>
    </form>
  );
}

function WithdrawForm({ proposalId, onAnswered }: { proposalId: string; onAnswered: () => void }) {
  const { state, ready, pending, onSubmit, formRef, messageRef } = useSynthesisForm(withdrawProposalAction, onAnswered);
  if (state.ok) return <SynthesisFormMessage message={state.message} ok messageRef={messageRef} />;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Withdraw your proposal" className="mt-6 space-y-2">
      <input type="hidden" name="proposalId" value={proposalId} />
      <SynthesisFormMessage message={state.message} ok={state.ok} messageRef={messageRef} />
      <button type="submit" disabled={!ready} className={secondaryButtonClass}>
        {pending ? "Withdrawing…" : "Withdraw your proposal"}
      </button>
    </form>
  );
}
