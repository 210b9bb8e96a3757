"use client";

import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { useDismiss } from "@/components/use-dismiss";
import { initialActionState, unreachable } from "@/lib/action-state";
import { fetchJson } from "@/lib/fetch-json";
import { followsApi } from "@/lib/paths";
import { setFollowAction } from "@/server/actions/follows";
import type { FollowButtonProps } from "./place-tools";

type Level = "follow" | "mute" | "none";
type States = { followOwnThreads: boolean; levels: Record<string, "follow" | "mute"> };

// Every follow button on a page asks in one request: the targets asked in the same tick are batched.
let batch: { keys: Set<string>; answer: Promise<States | null> } | null = null;
function loadLevel(key: string): Promise<Level | null> {
  if (!batch) {
    const keys = new Set<string>();
    const answer = new Promise<States | null>((resolve) =>
      setTimeout(() => {
        batch = null;
        void fetchJson<States>(followsApi([...keys]), { cache: "no-store" }).then((r) => resolve(r.ok ? r.data : null));
      }, 0),
    );
    batch = { keys, answer };
  }
  batch.keys.add(key);
  return batch.answer.then((states) => (states ? (states.levels[key] ?? "none") : null));
}

const LABEL: Record<Level, string> = { follow: "Following", mute: "Muted", none: "Follow" };

/**
 * Follow, mute, or stop either, for a debate, a subheading or a thread, for signed-in members (loaded
 * by components/place-tools.tsx only for them). The
 * member's state comes from GET /api/me/follows (the page around it is cached, the same for all).
 * A disclosure: the button shows the state and opens the three choices.
 */
export function FollowMenu({ targetType, targetId, name }: FollowButtonProps) {
  const [level, setLevel] = useState<Level | null>(null);
  const [open, setOpen] = useState(false);
  const closeMenu = useCallback(() => setOpen(false), []);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const key = `${targetType}:${targetId}`;

  useEffect(() => {
    let live = true;
    void loadLevel(key).then((found) => live && setLevel(found ?? "none"));
    return () => {
      live = false;
    };
  }, [key]);

  useDismiss(open, closeMenu, rootRef);

  // Its row is already there (components/place-tools.tsx): nothing moves when the state comes.
  if (level === null) return null;

  function choose(next: Level) {
    setError(null);
    start(async () => {
      const form = new FormData();
      form.set("targetType", targetType);
      form.set("targetId", targetId);
      form.set("level", next);
      const result = await setFollowAction(initialActionState, form).catch(unreachable);
      if (result.ok) {
        setLevel(next);
        setOpen(false);
      } else setError(result.message ?? "That did not work. Please try again.");
    });
  }

  const choices: { level: Level; label: string; hint: string }[] = [
    { level: "follow", label: "Follow", hint: `Be notified of new posts in ${name}.` },
    { level: "mute", label: "Mute", hint: `No notifications at all from ${name}.` },
    ...(level !== "none"
      ? [
          {
            level: "none" as const,
            label: level === "mute" ? "Unmute" : "Stop following",
            hint: "Back to the default.",
          },
        ]
      : []),
  ];

  return (
    <div ref={rootRef} className="relative w-fit text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={level === "mute" ? `Muted: ${name}` : `${LABEL[level]} ${name}`}
        disabled={pending}
        onClick={() => setOpen((o) => !o)}
        className={`follow-button disabled:opacity-60 ${
          level === "follow"
            ? "border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-200"
            : "follow-plain"
        }`}
      >
        {pending ? "Saving…" : LABEL[level]} <span aria-hidden="true">▾</span>
      </button>
      <div
        id={menuId}
        hidden={!open}
        className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-stone-200 bg-white p-1 shadow-lg dark:border-stone-700 dark:bg-stone-900"
      >
        <ul>
          {choices.map((choice) => (
            <li key={choice.level}>
              <button
                type="button"
                aria-pressed={choice.level === level}
                aria-label={choice.label}
                aria-describedby={`${menuId}-${choice.level}`}
                disabled={pending}
                onClick={() => choose(choice.level)}
                className="block w-full rounded px-2 py-1.5 text-left hover:bg-stone-100 disabled:opacity-60 dark:hover:bg-stone-800"
              >
                <span className="font-medium">{choice.label}</span>
                <span id={`${menuId}-${choice.level}`} className="block text-xs text-stone-500 dark:text-stone-400">
                  {choice.hint}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
