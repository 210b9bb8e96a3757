"use client";

import { useState, useTransition } from "react";
import { fetchJson } from "@/lib/fetch-json";
import { hiddenPostApi } from "@/lib/paths";
import type { HiddenPost } from "@/lib/views";
import { hidePostAction, movePostAction, pinPostAction, restorePostAction } from "@/server/actions/moderation";
import { ActionForm, SmallField } from "./action-form";
import { useDebate } from "./debate-context";
import { ChevronDownIcon, ShieldIcon } from "./icons";
import { useDisclosure } from "./use-dismiss";

type Props = {
  post: {
    id: string;
    subheadingId: string;
    parentId: string | null;
    authorName?: string | null;
    pinned: boolean;
    state: "visible" | "hidden" | "deleted";
  };
};

const menuButton =
  "inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium text-violet-800 hover:bg-violet-100 dark:text-violet-300 dark:hover:bg-violet-950";

/**
 * A post's moderator tools behind one "Moderate" button (a page of posts shows one button each,
 * not a row of them): pin, hide, move, or, for a hidden post, show its content and restore it.
 * The tools' forms exist only while the menu is open, and the menu closes when another opens
 * (a click outside), so each form's landmark name ("Move reply by Ann to…") is unique on the page.
 * Every one is checked again on the server.
 */
export function ModeratorTools({ post }: Props) {
  const { open, setOpen, close, panelId, rootRef, buttonRef, panelRef } = useDisclosure(
    "button:not([disabled]), input:not([type=hidden]), select",
  );

  if (post.state === "deleted") return null;
  const what = `${post.parentId ? "reply" : "contribution"} by ${post.authorName ?? "an unknown author"}`;

  return (
    <div ref={rootRef} className="mt-1 text-sm" role="group" aria-label="Moderator tools">
      <button
        ref={buttonRef}
        type="button"
        className={menuButton}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <ShieldIcon className="h-4 w-4" />
        Moderate
        <ChevronDownIcon className={`h-3.5 w-3.5 transition-transform ${open ? "rotate-180" : ""}`} />
      </button>
      <div
        ref={panelRef}
        id={panelId}
        hidden={!open}
        className="mt-1 space-y-3 rounded-md border border-violet-200 bg-violet-50/60 p-2 dark:border-violet-900 dark:bg-violet-950/30"
      >
        {open &&
          (post.state === "hidden" ? (
            <HiddenTools postId={post.id} what={what} />
          ) : (
            <VisibleTools post={post} what={what} onDone={close} />
          ))}
      </div>
    </div>
  );
}

function VisibleTools({ post, what, onDone }: Props & { what: string; onDone: () => void }) {
  const debate = useDebate();
  return (
    <>
      {!post.parentId && (
        <ActionForm
          action={pinPostAction}
          hidden={{ postId: post.id, pinned: String(!post.pinned) }}
          submitLabel={post.pinned ? "Unpin" : "Pin to top"}
          pendingLabel={post.pinned ? "Unpinning…" : "Pinning…"}
          label={`${post.pinned ? "Unpin" : "Pin"} ${what}`}
          onDone={onDone}
        />
      )}
      {/* The reason the readers will see is the confirmation: hiding needs one. */}
      <ActionForm
        action={hidePostAction}
        hidden={{ postId: post.id }}
        submitLabel="Hide post"
        pendingLabel="Hiding…"
        label={`Hide ${what}`}
        danger
        onDone={onDone}
      >
        {(state) => (
          <SmallField name="reason" label="Reason (readers see it)" state={state} required width="w-56 max-w-full" />
        )}
      </ActionForm>
      {debate && (
        <ActionForm
          action={movePostAction}
          hidden={{ postId: post.id }}
          submitLabel="Move"
          pendingLabel="Moving…"
          label={`Move ${what} to…`}
          onDone={onDone}
        >
          {(state) => (
            <>
              <span className="flex max-w-full flex-col">
                <label className="text-xs font-medium">
                  Move with its replies to
                  <select
                    name="toSubheadingId"
                    defaultValue={post.parentId ? post.subheadingId : ""}
                    className="mt-0.5 block w-72 max-w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
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
              <SmallField name="reason" label="Reason (optional)" state={state} width="w-56 max-w-full" />
            </>
          )}
        </ActionForm>
      )}
    </>
  );
}

function HiddenTools({ postId, what }: { postId: string; what: string }) {
  const [hidden, setHidden] = useState<HiddenPost | null>(null);
  const [hiddenError, setHiddenError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  return (
    <>
      <button
        type="button"
        className={menuButton}
        disabled={loading}
        onClick={() =>
          startLoading(async () => {
            const result = await fetchJson<HiddenPost>(hiddenPostApi(postId));
            setHidden(result.ok ? result.data : null);
            setHiddenError(result.ok ? null : result.error);
          })
        }
      >
        {loading ? "Loading…" : "Show hidden content"}
      </button>
      {hiddenError && <p className="text-red-700 dark:text-red-400">{hiddenError}</p>}
      {hidden && (
        <div className="rounded border border-dashed border-violet-300 p-2 dark:border-violet-800">
          <p className="text-xs text-violet-800 dark:text-violet-300">
            Hidden from readers; shown to you as a moderator.
          </p>
          {hidden.title && <p className="font-semibold">{hidden.title}</p>}
          <div
            className="prose prose-stone max-w-none break-words font-serif dark:prose-invert"
            dangerouslySetInnerHTML={{ __html: hidden.html }}
          />
        </div>
      )}
      <ActionForm
        action={restorePostAction}
        hidden={{ postId }}
        submitLabel="Restore post"
        pendingLabel="Restoring…"
        label={`Restore ${what}`}
      />
    </>
  );
}
