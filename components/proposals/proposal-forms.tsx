"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { ActionForm, FormField, SmallField } from "@/components/action-form";
import { useViewer } from "@/components/use-viewer";
import type { ActionState } from "@/lib/action-state";
import { fetchJson } from "@/lib/fetch-json";
import { outcomeRefusal } from "@/lib/permissions";
import {
  OUTCOME_MAX,
  PROPOSAL_STATEMENT_MAX,
  proposalVoteApi,
  VOTE_LABELS,
  VOTE_REASON_MAX,
  VOTE_VALUES,
  type VoteValue,
} from "@/lib/proposals";
import {
  castVoteAction,
  closeProposalAction,
  createProposalAction,
  recordOutcomeAction,
} from "@/server/actions/proposals";
import type { CloseProps, NewProposalProps, OutcomeProps, VoteProps } from "./proposal-tools";

const FIELD =
  "mt-0.5 block w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";

/** A labelled text area with its error (cleared once the field changes). */
function TextArea({
  name,
  label,
  state,
  maxLength,
  rows = 3,
  defaultValue,
}: {
  name: string;
  label: string;
  state: ActionState;
  maxLength: number;
  rows?: number;
  defaultValue?: string;
}) {
  return (
    <FormField name={name} label={label} state={state} className="basis-full">
      {(field) => (
        <textarea
          name={name}
          rows={rows}
          maxLength={maxLength}
          defaultValue={defaultValue}
          {...field}
          className={FIELD}
        />
      )}
    </FormField>
  );
}

/** A date-time input in the member's zone, sent as an instant (ISO 8601, UTC) in `closesAt`. */
function ClosesAtField({ state }: { state: ActionState }) {
  const [iso, setIso] = useState("");
  return (
    <FormField name="closesAt" label="Closes at (your time; between an hour and 90 days from now)" state={state}>
      {(field) => (
        <>
          <input
            type="datetime-local"
            name="closesAtLocal"
            {...field}
            onChange={(e) => {
              field.onChange();
              const at = new Date(e.target.value);
              setIso(Number.isNaN(at.getTime()) ? "" : at.toISOString());
            }}
            className={`${FIELD} w-64`}
          />
          <input type="hidden" name="closesAt" value={iso} />
        </>
      )}
    </FormField>
  );
}

export function NewProposalForm({ subheadingId }: NewProposalProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        Make a proposal
      </button>
    );
  }
  return (
    <ActionForm
      action={createProposalAction}
      hidden={{ subheadingId }}
      label="Make a proposal"
      submitLabel="Propose"
      pendingLabel="Proposing…"
      onDone={(state) => state.redirectTo && router.push(state.redirectTo)}
    >
      {(state) => (
        <>
          <TextArea name="statement" label="Proposal" state={state} maxLength={PROPOSAL_STATEMENT_MAX} rows={4} />
          <ClosesAtField state={state} />
        </>
      )}
    </ActionForm>
  );
}

type Mine = { value: VoteValue; reason: string | null } | null;
/** The longest delay a timer takes (about 24.8 days); a later close is caught by the page's next load. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function VoteForm({ proposalId, closesAt, closed }: VoteProps) {
  const [mine, setMine] = useState<Mine | undefined>(undefined);
  // The form is keyed by the vote (its defaults), so the answer's message lives here, not in it.
  const [saved, setSaved] = useState<{ message: string | null; count: number }>({ message: null, count: 0 });
  const [over, setOver] = useState(() => closed || Date.parse(closesAt) <= Date.now());
  const legendId = useId();

  useEffect(() => {
    let live = true;
    void fetchJson<{ vote: Mine }>(proposalVoteApi(proposalId), { cache: "no-store" }).then(
      (r) => live && setMine(r.ok ? r.data.vote : null),
    );
    return () => {
      live = false;
    };
  }, [proposalId]);

  // The page may be cached from before the time: at closesAt the form goes, by the reader's clock.
  useEffect(() => {
    const left = Date.parse(closesAt) - Date.now();
    if (over || left > MAX_TIMER_MS) return;
    const timer = setTimeout(() => setOver(true), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [closesAt, over]);

  if (over) {
    return (
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Voting has closed.
        {mine ? ` You voted: ${VOTE_LABELS[mine.value]}.` : ""}
      </p>
    );
  }
  if (mine === undefined) return null;
  return (
    <div>
      <p role="status" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {saved.message}
      </p>
      <ActionForm
        key={saved.count}
        action={castVoteAction}
        hidden={{ proposalId }}
        label="Your vote"
        submitLabel={mine ? "Change my vote" : "Vote"}
        pendingLabel="Saving…"
        // A new form after each answer (its key), starting from the vote just saved.
        onDone={(state) => {
          setSaved((was) => ({ message: state.message ?? null, count: was.count + 1 }));
          if (state.data?.value) setMine({ value: state.data.value as VoteValue, reason: state.data.reason ?? null });
        }}
      >
        {(state) => (
          <>
            <fieldset aria-labelledby={legendId} className="basis-full">
              <legend id={legendId} className="text-xs font-medium">
                {mine ? `Your vote: ${VOTE_LABELS[mine.value]}` : "Your vote"}
              </legend>
              <span className="mt-1 flex flex-wrap gap-3">
                {VOTE_VALUES.map((value) => (
                  <label key={value} className="flex items-center gap-1">
                    <input type="radio" name="value" value={value} defaultChecked={mine?.value === value} />
                    {VOTE_LABELS[value]}
                  </label>
                ))}
              </span>
              {state.fieldErrors?.value && !state.ok && (
                <span className="text-xs text-red-700 dark:text-red-400">{state.fieldErrors.value.join(" ")}</span>
              )}
            </fieldset>
            <TextArea
              name="reason"
              label="Reason (optional, shown with your name)"
              state={state}
              maxLength={VOTE_REASON_MAX}
              defaultValue={mine?.reason ?? ""}
            />
          </>
        )}
      </ActionForm>
    </div>
  );
}

export function OutcomeForm({ proposalId, authorId, closed, outcome }: OutcomeProps) {
  const { viewer } = useViewer();
  if (!closed || outcomeRefusal(viewer, { authorId, closed }) !== null) return null;
  return (
    <ActionForm
      action={recordOutcomeAction}
      hidden={{ proposalId }}
      label="Record the outcome"
      submitLabel={outcome ? "Change the outcome" : "Record the outcome"}
      pendingLabel="Saving…"
    >
      {(state) => (
        <TextArea name="outcome" label="Outcome" state={state} maxLength={OUTCOME_MAX} defaultValue={outcome ?? ""} />
      )}
    </ActionForm>
  );
}

export function CloseForm({ proposalId }: CloseProps) {
  return (
    <ActionForm
      action={closeProposalAction}
      hidden={{ proposalId }}
      label="Close this proposal now"
      submitLabel="Close now"
      pendingLabel="Closing…"
      danger
    >
      {(state) => <SmallField name="reason" label="Reason (optional, in the public log)" state={state} />}
    </ActionForm>
  );
}
