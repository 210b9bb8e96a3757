"use client";

import Link from "@/components/link";
import { usePathname, useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/action-state";
import { initialActionState, unreachable } from "@/lib/action-state";
import { fetchJson } from "@/lib/fetch-json";
import { postAnchor, postPath, postSourceApi, signInPath } from "@/lib/paths";
import { deleteRefusal, editRefusal, isStaff, replyRefusal, reportRefusal, retypeRefusal } from "@/lib/permissions";
import type { ReplyType } from "@/lib/reply-types";
import type { PostSource } from "@/lib/views";
import { createPostAction, deletePostAction, editPostAction } from "@/server/actions/posts";
import { ActionForm, SmallField } from "./action-form";
import { useDebate } from "./debate-context";
import { ModeratorTools } from "./moderator-tools";
import { reportPostAction } from "@/server/actions/reports";
import { LazyComposeForm } from "./compose/lazy-compose-form";
import { QUOTE_EVENT, setQuotable, type QuoteDetail } from "./floating-quote";
import { ReplyTypeControl } from "./reply-type-control";
import { useReported } from "./use-reported";
import { useViewer } from "./use-viewer";

type Mode = "idle" | "reply" | "edit" | "confirm-delete" | "report" | "retype";

type Props = {
  debateSlug: string;
  post: {
    id: string;
    subheadingId: string;
    parentId: string | null;
    authorId: string | null;
    authorName: string | null;
    pinned: boolean;
    state: "visible" | "hidden" | "deleted";
    /** A reply's type (lib/reply-types.ts), which its author or a moderator may change. */
    replyType?: ReplyType | null;
  };
};

const linkButton =
  "rounded px-1.5 py-0.5 font-medium text-stone-600 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-stone-100";

/** Text selected inside this post's body, quoted as Markdown that links back to the post. */
function toQuote(text: string, authorName: string | null, href: string): string {
  const quoted = text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
  return `${quoted}\n>\n> — [${authorName ?? "Unknown author"}](${href})\n\n`;
}

/** Reply, quote, edit, delete: the per-user part of a post, shown to whoever may use it. */
export function PostActions({ debateSlug, post }: Props) {
  const { viewer, loading } = useViewer();
  const router = useRouter();
  const pathname = usePathname();
  const barRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<Mode>("idle");
  // The button that opened each form, which gets focus back when the form closes.
  const openers = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});
  const lastMode = useRef<Mode>("idle");
  const [reportSent, setReportSent] = useState<string | null>(null);
  const [insert, setInsert] = useState<{ text: string; nonce: number } | null>(null);
  const [source, setSource] = useState<{ title: string | null; body: string } | null>(null);
  const [loadingSource, startLoadingSource] = useTransition();
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [deleted, deleteAction, deleting] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await deletePostAction(prev, form).catch(unreachable);
    if (result.ok) {
      setMode("idle");
      router.refresh();
    }
    return result;
  }, initialActionState);
  const debate = useDebate();
  const locked = !!debate && (debate.locked || !!debate.subheadings.find((s) => s.id === post.subheadingId)?.locked);
  // What this viewer may do here: the same rules the server enforces (lib/permissions.ts).
  const cannotReply = replyRefusal(viewer, post, { locked });
  const canEdit = !editRefusal(viewer, post);
  const canDelete = !deleteRefusal(viewer, post);
  const canRetype = !retypeRefusal(viewer, post);
  const canReport = !reportRefusal(viewer, post);
  const [reported, markReported] = useReported(post.id, canReport);
  const quotable = !loading && !!viewer && post.state === "visible" && !cannotReply;

  // The page's one floating Quote button (floating-quote.tsx) offers to quote text selected in this
  // post while the viewer may reply to it, and asks, through an event on the <article>, for the reply.
  useEffect(() => {
    const article = barRef.current?.closest("article");
    if (!article || !quotable) return;
    setQuotable(article, true);
    const href = postPath(debateSlug, post.id);
    const onQuote = (event: Event) => {
      setMode("reply");
      const text = toQuote((event as CustomEvent<QuoteDetail>).detail.text, post.authorName, href);
      setInsert({ text, nonce: Date.now() });
    };
    article.addEventListener(QUOTE_EVENT, onQuote);
    return () => {
      setQuotable(article, false);
      article.removeEventListener(QUOTE_EVENT, onQuote);
    };
  }, [quotable, debateSlug, post.id, post.authorName]);

  // A form that closes gives focus back to the button that opened it.
  useEffect(() => {
    if (mode === "idle" && lastMode.current !== "idle") openers.current[lastMode.current]?.focus();
    lastMode.current = mode;
  }, [mode]);

  const onReplied = useCallback(
    (state: ActionState) => {
      setMode("idle");
      // The action answers with the new post only; the page it sits on is fetched fresh, and the
      // refresh drops what this browser had cached of the pages the reply changes.
      if (state.redirectTo) router.push(state.redirectTo);
      router.refresh();
    },
    [router],
  );
  const onEdited = useCallback(() => {
    setMode("idle");
    router.refresh();
  }, [router]);

  function startEdit() {
    setSourceError(null);
    startLoadingSource(async () => {
      const result = await fetchJson<PostSource>(postSourceApi(post.id));
      if (!result.ok) {
        setSourceError(result.error);
        return;
      }
      setSource(result.data);
      setMode("edit");
    });
  }

  if (loading) return <div ref={barRef} className="mt-2 h-6" aria-hidden="true" />;
  if (post.state !== "visible") return isStaff(viewer) ? <ModeratorTools post={post} /> : null;
  if (!viewer) {
    return (
      <div ref={barRef} className="mt-2 flex flex-wrap gap-1 text-sm">
        <Link href={signInPath(`${pathname}#${postAnchor(post.id)}`)} prefetch={false} className={linkButton}>
          Sign in to reply
        </Link>
      </div>
    );
  }

  return (
    <div ref={barRef} className="mt-2">
      {cannotReply && <p className="mb-1 text-sm text-stone-700 dark:text-stone-300">{cannotReply}</p>}
      <div className="flex flex-wrap items-center gap-1 text-sm">
        {!cannotReply && (
          <button
            ref={(el) => void (openers.current.reply = el)}
            type="button"
            className={linkButton}
            aria-expanded={mode === "reply"}
            data-shortcut="reply"
            onClick={() => setMode(mode === "reply" ? "idle" : "reply")}
          >
            Reply
          </button>
        )}
        {canEdit && (
          <button
            ref={(el) => void (openers.current.edit = el)}
            type="button"
            className={linkButton}
            aria-expanded={mode === "edit"}
            disabled={loadingSource}
            onClick={() => (mode === "edit" ? setMode("idle") : startEdit())}
          >
            {loadingSource ? "Loading…" : "Edit"}
          </button>
        )}
        {canRetype && (
          <button
            ref={(el) => void (openers.current.retype = el)}
            type="button"
            className={linkButton}
            aria-expanded={mode === "retype"}
            onClick={() => setMode(mode === "retype" ? "idle" : "retype")}
          >
            Label
          </button>
        )}
        {canDelete && (
          <button
            ref={(el) => void (openers.current["confirm-delete"] = el)}
            type="button"
            className={linkButton}
            aria-expanded={mode === "confirm-delete"}
            onClick={() => setMode(mode === "confirm-delete" ? "idle" : "confirm-delete")}
          >
            Delete
          </button>
        )}
        {canReport && reported && (
          <span className="px-1.5 py-0.5 text-stone-600 dark:text-stone-400">You reported this post</span>
        )}
        {canReport && !reported && (
          <button
            ref={(el) => void (openers.current.report = el)}
            type="button"
            className={linkButton}
            aria-expanded={mode === "report"}
            onClick={() => setMode(mode === "report" ? "idle" : "report")}
          >
            Report
          </button>
        )}
        {/* Where the page's one marks controller (components/marks/) draws this member's mark buttons:
            on this line, so that their arrival moves nothing. React never renders into it. */}
        <span data-mark-slot="" className="contents" />
      </div>
      <p role="status" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {reportSent}
      </p>
      {isStaff(viewer) && <ModeratorTools post={post} />}
      {mode === "report" && (
        <ActionForm
          action={reportPostAction}
          hidden={{ postId: post.id }}
          submitLabel="Send report"
          pendingLabel="Sending…"
          label="Report this post"
          className="mt-2"
          onDone={(result) => {
            // Focus goes to the confirmation's neighbour: the Report button is replaced by the note.
            lastMode.current = "idle";
            setMode("idle");
            setReportSent(result.message ?? "Your report is sent.");
            markReported();
          }}
        >
          {(state) => (
            <SmallField name="reason" label="What is wrong with this post?" state={state} required width="w-80" />
          )}
        </ActionForm>
      )}
      {mode === "retype" && (
        <ReplyTypeControl postId={post.id} current={post.replyType ?? null} onDone={() => setMode("idle")} />
      )}
      {sourceError && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{sourceError}</p>}
      {mode === "confirm-delete" && (
        <form
          action={deleteAction}
          className="mt-2 flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/50"
        >
          <input type="hidden" name="postId" value={post.id} />
          <span>Delete this post? Its replies stay; the post shows as deleted.</span>
          <button
            type="submit"
            disabled={deleting}
            className="rounded bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            {deleting ? "Deleting…" : "Delete post"}
          </button>
          <button type="button" onClick={() => setMode("idle")} className="underline">
            Keep it
          </button>
          {deleted.message && !deleted.ok && (
            <span className="w-full text-red-700 dark:text-red-400">{deleted.message}</span>
          )}
        </form>
      )}
      {mode === "reply" && (
        <div className="mt-3">
          <LazyComposeForm
            action={createPostAction}
            draftKey={`${post.subheadingId}:${post.id}:reply`}
            hidden={{ subheadingId: post.subheadingId, parentId: post.id }}
            withReplyType
            insert={insert}
            label={`Your reply to ${post.authorName ?? "this post"}`}
            submitLabel="Post reply"
            pendingLabel="Posting…"
            onSuccess={onReplied}
            onCancel={() => setMode("idle")}
          />
        </div>
      )}
      {mode === "edit" && source && (
        <div className="mt-3">
          <LazyComposeForm
            action={editPostAction}
            draftKey={`${post.id}:edit`}
            hidden={{ postId: post.id }}
            withTitle={post.parentId === null}
            initial={source}
            label="Edit your post"
            submitLabel="Save changes"
            pendingLabel="Saving…"
            onSuccess={onEdited}
            onCancel={() => setMode("idle")}
          />
        </div>
      )}
    </div>
  );
}
