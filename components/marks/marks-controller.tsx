"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { initialActionState, unreachable } from "@/lib/action-state";
import { fetchJson } from "@/lib/fetch-json";
import {
  isMarkValue,
  MARK_LABELS,
  MARK_VALUES,
  MARKS_QUERY_MAX,
  myMarksApi,
  nextMark,
  type MarkValue,
} from "@/lib/marks";
import { markRefusal, type Viewer } from "@/lib/permissions";
import { markPostAction } from "@/server/actions/marks";

// The page's one mark controller, loaded for signed-in members only (marks.tsx). The cached HTML
// holds each post's counts and its data (post-marks.tsx), not its buttons: 21 KB of them on a
// subheading page, in the HTML and again in React's payload. For each post the member may mark,
// this asks once which of the page's posts they marked (GET /api/me/marks), then draws the buttons
// and a status region into the slot at the end of the post's actions row (post-actions.tsx), on the
// line that is already there, so nothing below moves. One listener handles every click. Choosing
// your mark again takes it back; another replaces it.

const BUTTON =
  "rounded border border-stone-300 px-1.5 py-px text-stone-700 hover:bg-stone-100 aria-pressed:border-amber-700 aria-pressed:bg-amber-100 aria-pressed:text-amber-950 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-pressed:bg-amber-900 dark:aria-pressed:text-amber-50";

const slots = () => document.querySelectorAll<HTMLElement>("[data-mark-slot]");

/** The marks data of the post whose actions row holds `slot`: both are inside its <article>. */
const barOf = (slot: Element) => slot.closest("article")?.querySelector<HTMLElement>("[data-mark-bar]") ?? null;

/** The member's own marks, by post, as far as they are known. */
type Mine = Map<string, MarkValue | null>;

function draw(slot: HTMLElement, bar: HTMLElement, mine: Mine) {
  const group = document.createElement("span");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", `Your mark on the ${bar.dataset.label}`);
  group.dataset.markButtons = bar.dataset.markBar;
  group.className = "ml-1 flex gap-1";
  for (const value of MARK_VALUES) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.markValue = value;
    button.className = BUTTON;
    button.textContent = MARK_LABELS[value];
    group.append(button);
  }
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  status.dataset.markStatus = "";
  status.className = "px-1 text-stone-700 empty:hidden dark:text-stone-300";
  slot.replaceChildren(group, status);
  show(group, mine);
}

function show(group: HTMLElement, mine: Mine) {
  const value = mine.get(group.dataset.markButtons!) ?? null;
  for (const button of group.querySelectorAll<HTMLButtonElement>("[data-mark-value]")) {
    button.setAttribute("aria-pressed", String(button.dataset.markValue === value));
  }
}

export function MarksController({ viewer: { id: viewerId, role, restriction } }: { viewer: NonNullable<Viewer> }) {
  const router = useRouter();

  useEffect(() => {
    const mine: Mine = new Map();
    // Slots already looked at, and those of posts this member may mark.
    const seen = new WeakSet<Element>();
    const markable = new WeakSet<Element>();
    let live = true;
    // Slots arrive after this loads (the actions rows render once the session is known) and later
    // (a refreshed page, "show more replies"): each is set up as it arrives.
    function setUp() {
      const ask: string[] = [];
      for (const slot of slots()) {
        if (seen.has(slot)) continue;
        const bar = barOf(slot);
        if (!bar) continue;
        seen.add(slot);
        const post = { authorId: bar.dataset.author || null, state: "visible" as const };
        if (markRefusal({ id: viewerId, role, restriction }, post)) continue;
        markable.add(slot);
        const id = bar.dataset.markBar!;
        if (mine.has(id)) draw(slot, bar, mine);
        else ask.push(id);
      }
      // The buttons are drawn once the member's own marks are known, so a click never races the answer.
      for (let i = 0; i < ask.length; i += MARKS_QUERY_MAX) {
        const batch = ask.slice(i, i + MARKS_QUERY_MAX);
        void fetchJson<{ marks: Record<string, string> }>(myMarksApi(batch)).then((result) => {
          if (!live) return;
          for (const id of batch) {
            const value = result.ok ? result.data.marks[id] : undefined;
            if (!mine.has(id)) mine.set(id, isMarkValue(value) ? value : null);
          }
          for (const slot of slots()) {
            const bar = markable.has(slot) && !slot.firstChild ? barOf(slot) : null;
            if (bar && batch.includes(bar.dataset.markBar!)) draw(slot, bar, mine);
          }
        });
      }
    }
    setUp();
    const observer = new MutationObserver(() => setUp());
    observer.observe(document.body, { childList: true, subtree: true });

    async function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>("[data-mark-value]");
      const group = button?.closest<HTMLElement>("[data-mark-buttons]");
      if (!button || !group || button.disabled) return;
      const postId = group.dataset.markButtons!;
      const before = mine.get(postId) ?? null;
      const after = nextMark(before, button.dataset.markValue as MarkValue);
      const status = group.parentElement!.querySelector<HTMLElement>("[data-mark-status]")!;
      const buttons = [...group.querySelectorAll<HTMLButtonElement>("[data-mark-value]")];
      mine.set(postId, after);
      show(group, mine);
      buttons.forEach((b) => (b.disabled = true));
      const form = new FormData();
      form.set("postId", postId);
      form.set("value", after ?? "none");
      const result = await markPostAction(initialActionState, form).catch(unreachable);
      buttons.forEach((b) => (b.disabled = false));
      status.textContent = result.message ?? "";
      if (!result.ok) {
        mine.set(postId, before);
        show(group, mine);
        return;
      }
      router.refresh(); // the counts are in the cached page, whose tags the mark invalidated
    }
    const listener = (event: MouseEvent) => void onClick(event);
    document.addEventListener("click", listener);
    return () => {
      // Another member, or none: no buttons drawn for this one stay behind.
      live = false;
      observer.disconnect();
      document.removeEventListener("click", listener);
      for (const slot of slots()) slot.replaceChildren();
    };
  }, [viewerId, role, restriction, router]);

  return null;
}
