"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { initialActionState, unreachable } from "@/lib/action-state";
import { fetchJson } from "@/lib/fetch-json";
import { isMarkValue, MARKS_QUERY_MAX, myMarksApi, nextMark, type MarkValue } from "@/lib/marks";
import { markRefusal, type Viewer } from "@/lib/permissions";
import { markPostAction } from "@/server/actions/marks";

// The page's one mark controller, loaded for signed-in members only (marks.tsx): it shows the mark
// buttons of the posts the member may mark (post-marks.tsx renders them hidden in the cached HTML),
// asks once which of the page's posts they marked (GET /api/me/marks), and handles every click on
// the page through one listener. Choosing your mark again takes it back; another replaces it.

const mine = new Map<string, MarkValue | null>();

function bars(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-mark-bar]")];
}

function reveal(bar: HTMLElement) {
  bar.querySelector<HTMLElement>("[data-mark-buttons]")!.hidden = false;
  show(bar);
}

function show(bar: HTMLElement) {
  const value = mine.get(bar.dataset.markBar!) ?? null;
  for (const button of bar.querySelectorAll<HTMLButtonElement>("[data-mark-value]")) {
    button.setAttribute("aria-pressed", String(button.dataset.markValue === value));
  }
}

export function MarksController({ viewer: { id: viewerId, role, restriction } }: { viewer: NonNullable<Viewer> }) {
  const router = useRouter();

  useEffect(() => {
    // New bars (a refreshed page, "show more replies") are set up as they arrive.
    function setUp() {
      const fresh = bars().filter((bar) => !bar.dataset.markReady);
      const ask: string[] = [];
      for (const bar of fresh) {
        bar.dataset.markReady = "1";
        const post = { authorId: bar.dataset.author || null, state: "visible" as const };
        if (markRefusal({ id: viewerId, role, restriction }, post)) continue;
        const id = bar.dataset.markBar!;
        if (mine.has(id)) reveal(bar);
        else ask.push(id);
      }
      // The buttons show once the member's own marks are known, so a click never races the answer.
      for (let i = 0; i < ask.length; i += MARKS_QUERY_MAX) {
        const batch = ask.slice(i, i + MARKS_QUERY_MAX);
        void fetchJson<{ marks: Record<string, string> }>(myMarksApi(batch)).then((result) => {
          for (const id of batch) {
            const value = result.ok ? result.data.marks[id] : undefined;
            if (!mine.has(id)) mine.set(id, isMarkValue(value) ? value : null);
          }
          for (const bar of bars()) if (batch.includes(bar.dataset.markBar!)) reveal(bar);
        });
      }
    }
    setUp();
    const observer = new MutationObserver(() => setUp());
    observer.observe(document.body, { childList: true, subtree: true });

    async function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>("[data-mark-value]");
      const bar = button?.closest<HTMLElement>("[data-mark-bar]");
      if (!button || !bar || button.disabled) return;
      const postId = bar.dataset.markBar!;
      const before = mine.get(postId) ?? null;
      const after = nextMark(before, button.dataset.markValue as MarkValue);
      const status = bar.querySelector<HTMLElement>("[data-mark-status]")!;
      const buttons = [...bar.querySelectorAll<HTMLButtonElement>("[data-mark-value]")];
      mine.set(postId, after);
      show(bar);
      buttons.forEach((b) => (b.disabled = true));
      const form = new FormData();
      form.set("postId", postId);
      form.set("value", after ?? "none");
      const result = await markPostAction(initialActionState, form).catch(unreachable);
      buttons.forEach((b) => (b.disabled = false));
      status.textContent = result.message ?? "";
      if (!result.ok) {
        mine.set(postId, before);
        show(bar);
        return;
      }
      router.refresh(); // the counts are in the cached page, whose tags the mark invalidated
    }
    const listener = (event: MouseEvent) => void onClick(event);
    document.addEventListener("click", listener);
    return () => {
      observer.disconnect();
      document.removeEventListener("click", listener);
    };
  }, [viewerId, role, restriction, router]);

  return null;
}
