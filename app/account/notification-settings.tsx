"use client";

import { useSession } from "@/components/session";
import { useEffect, useState, useTransition } from "react";
import { initialActionState, unreachable } from "@/lib/action-state";
import { fetchJson } from "@/lib/fetch-json";
import { followsApi } from "@/lib/paths";
import { setFollowOwnThreadsAction } from "@/server/actions/follows";

/** "Follow threads I post in": saved as soon as it is ticked or unticked. */
export function NotificationSettings() {
  const { status } = useSession();
  const [followOwnThreads, setFollowOwnThreads] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  useEffect(() => {
    if (status !== "authenticated") return;
    void fetchJson<{ followOwnThreads: boolean }>(followsApi([]), { cache: "no-store" }).then((result) => {
      if (result.ok) setFollowOwnThreads(result.data.followOwnThreads);
      else setMessage({ ok: false, text: result.error });
    });
  }, [status]);

  if (status !== "authenticated") return null;

  function change(next: boolean) {
    setMessage(null);
    start(async () => {
      const form = new FormData();
      form.set("followOwnThreads", String(next));
      const result = await setFollowOwnThreadsAction(initialActionState, form).catch(unreachable);
      if (result.ok) setFollowOwnThreads(next);
      setMessage({ ok: result.ok, text: result.ok ? "Saved." : (result.message ?? "That did not save. Try again.") });
    });
  }

  return (
    <section aria-labelledby="notifications-h" className="mt-10">
      <h2 id="notifications-h" className="text-lg font-semibold">
        Notifications
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        You are always told of replies to your posts, quotes and mentions of you, unless you mute the place.
      </p>
      <label className="mt-4 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="followOwnThreads"
          checked={followOwnThreads ?? true}
          disabled={followOwnThreads === null || pending}
          onChange={(e) => change(e.target.checked)}
          aria-describedby="follow-own-threads-hint"
          className="mt-0.5 h-4 w-4 accent-amber-700"
        />
        <span>
          <span className="font-medium">Follow threads I post in</span>
          <span id="follow-own-threads-hint" className="block text-xs text-stone-500 dark:text-stone-400">
            Be notified of every new reply in a thread once you have posted in it.
          </span>
        </span>
      </label>
      <p aria-live="polite" className="mt-2 text-sm">
        {pending ? (
          <span className="text-stone-500">Saving…</span>
        ) : (
          message && (
            <span className={message.ok ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-400"}>
              {message.text}
            </span>
          )
        )}
      </p>
    </section>
  );
}
