"use client";

import { useState, useTransition } from "react";
import { fetchJson } from "@/lib/fetch-json";
import { hiddenPostApi } from "@/lib/paths";
import type { HiddenPost } from "@/lib/views";
import { hidePostAction, movePostAction, pinPostAction, restorePostAction } from "@/server/actions/moderation";
import { ActionForm, SmallField } from "./action-form";
import { useDebate } from "./debate-context";

type Props = {
  post: {
    id: string;
    subheadingId: string;
    parentId: string | null;
    pinned: boolean;
    state: "visible" | "hidden" | "deleted";
  };
};

const toggle =
  "rounded px-1.5 py-0.5 font-medium text-violet-800 hover:bg-violet-100 dark:text-violet-300 dark:hover:bg-violet-950";

/** Hide, restore, move and pin: offered to moderators; every one is checked again on the server. */
export function ModeratorTools({ post }: Props) {
  const debate = useDebate();
  const [open, setOpen] = useState<"hide" | "move" | null>(null);
  const [hidden, setHidden] = useState<HiddenPost | null>(null);
  const [hiddenError, setHiddenError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();

  if (post.state === "hidden") {
    return (
      <div className="mt-2 space-y-2 text-sm" role="group" aria-label="Moderator tools">
        <div className="flex flex-wrap gap-1">
          <button
            type="button"
            className={toggle}
            disabled={loading}
            onClick={() =>
              startLoading(async () => {
                const result = await fetchJson<HiddenPost>(hiddenPostApi(post.id));
                setHidden(result.ok ? result.data : null);
                setHiddenError(result.ok ? null : result.error);
              })
            }
          >
            {loading ? "Loading…" : "Show hidden content"}
          </button>
        </div>
        {hiddenError && <p className="text-red-700 dark:text-red-400">{hiddenError}</p>}
        {hidden && (
          <div className="rounded border border-dashed border-violet-300 p-2 dark:border-violet-800">
            <p className="text-xs text-violet-800 dark:text-violet-300">
              Hidden from readers; shown to you as a moderator.
            </p>
            {hidden.title && <p className="font-semibold">{hidden.title}</p>}
            <div
              className="prose prose-stone max-w-none font-serif dark:prose-invert"
              dangerouslySetInnerHTML={{ __html: hidden.html }}
            />
          </div>
        )}
        <ActionForm
          action={restorePostAction}
          hidden={{ postId: post.id }}
          submitLabel="Restore post"
          pendingLabel="Restoring…"
          label="Restore post"
        />
      </div>
    );
  }
  if (post.state !== "visible") return null;

  return (
    <div className="mt-1 text-sm" role="group" aria-label="Moderator tools">
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          className={toggle}
          aria-expanded={open === "hide"}
          onClick={() => setOpen(open === "hide" ? null : "hide")}
        >
          Hide
        </button>
        {debate && (
          <button
            type="button"
            className={toggle}
            aria-expanded={open === "move"}
            onClick={() => setOpen(open === "move" ? null : "move")}
          >
            Move
          </button>
        )}
        {!post.parentId && (
          <ActionForm
            action={pinPostAction}
            hidden={{ postId: post.id, pinned: String(!post.pinned) }}
            submitLabel={post.pinned ? "Unpin" : "Pin to top"}
            pendingLabel={post.pinned ? "Unpinning…" : "Pinning…"}
            label={post.pinned ? "Unpin" : "Pin to top"}
          />
        )}
      </div>
      {open === "hide" && (
        <ActionForm
          action={hidePostAction}
          hidden={{ postId: post.id }}
          submitLabel="Hide post"
          pendingLabel="Hiding…"
          label="Hide post"
          danger
          className="mt-2"
          onDone={() => setOpen(null)}
        >
          {(state) => <SmallField name="reason" label="Reason (readers see it)" state={state} required />}
        </ActionForm>
      )}
      {open === "move" && debate && (
        <ActionForm
          action={movePostAction}
          hidden={{ postId: post.id }}
          submitLabel="Move"
          pendingLabel="Moving…"
          label="Move post"
          className="mt-2"
          onDone={() => setOpen(null)}
        >
          {(state) => (
            <>
              <span className="flex flex-col">
                <label className="text-xs font-medium">
                  Move with its replies to
                  <select
                    name="toSubheadingId"
                    defaultValue={post.parentId ? post.subheadingId : ""}
                    className="mt-0.5 block w-72 rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
                  >
                    {!post.parentId && <option value="">Choose a subheading…</option>}
                    {debate.subheadings.map((s) => (
                      <option key={s.id} value={s.id} disabled={!post.parentId && s.id === post.subheadingId}>
                        {s.id === post.subheadingId ? `${s.title} (here, as a top-level contribution)` : s.title}
                      </option>
                    ))}
                  </select>
                </label>
                {!state.ok && state.fieldErrors?.toSubheadingId && (
                  <span className="text-xs text-red-700 dark:text-red-400">
                    {state.fieldErrors.toSubheadingId.join(" ")}
                  </span>
                )}
              </span>
              <SmallField name="reason" label="Reason (optional)" state={state} />
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}
