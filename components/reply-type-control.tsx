"use client";

import { useId } from "react";
import { REPLY_TYPE_LABELS, REPLY_TYPES, type ReplyType } from "@/lib/reply-types";
import { retypeReplyAction } from "@/server/actions/marks";
import { ActionForm } from "./action-form";

/** Changes how a reply relates to its post: its author, or a moderator (logged publicly). */
export function ReplyTypeControl({
  postId,
  current,
  onDone,
}: {
  postId: string;
  current: ReplyType | null;
  onDone: () => void;
}) {
  const id = useId();
  return (
    <ActionForm
      action={retypeReplyAction}
      hidden={{ postId }}
      submitLabel="Save label"
      pendingLabel="Saving…"
      label="How this reply relates"
      className="mt-2"
      onDone={onDone}
    >
      {(state) => {
        const errors = state.ok ? undefined : state.fieldErrors?.replyType;
        return (
          <span className="flex flex-col">
            <label htmlFor={`${id}-type`} className="text-xs font-medium">
              How does this reply relate?
            </label>
            <select
              id={`${id}-type`}
              name="replyType"
              defaultValue={current ?? ""}
              aria-invalid={!!errors}
              aria-describedby={errors ? `${id}-e` : undefined}
              className="mt-0.5 rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
            >
              <option value="">Not said</option>
              {REPLY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {REPLY_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
            {errors && (
              <span id={`${id}-e`} className="text-xs text-red-700 dark:text-red-400">
                {errors.join(" ")}
              </span>
            )}
          </span>
        );
      }}
    </ActionForm>
  );
}
