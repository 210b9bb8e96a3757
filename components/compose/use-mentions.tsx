"use client";

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { AuthorBadges } from "../author-name";
import { fetchJson } from "@/lib/fetch-json";
import { peopleApi } from "@/lib/paths";
import type { PeopleSuggestions, PersonSuggestion } from "@/lib/views";

/** "@" then up to 30 letters, digits, "_" or "-", right before the caret, at the start or after a space or bracket. */
const MENTION_AT_CARET = /(?:^|[\s([{>"'])@([\p{L}\p{N}_-]{1,30})$/u;
const DEBOUNCE_MS = 150;

type Token = { start: number; end: number; query: string };

/**
 * @mention suggestions for the compose form's textarea: typing "@" and a few letters lists up to 8
 * members (GET /api/people) under the box. Arrow keys move through them, Enter or Tab inserts
 * "@handle ", Escape closes the list. The textarea stays a text box (aria-autocomplete="list",
 * aria-controls, aria-activedescendant); the list is a listbox of options, its count announced.
 */
export function useMentions(textarea: RefObject<HTMLTextAreaElement | null>, setBody: (body: string) => void) {
  const listId = useId();
  const [token, setToken] = useState<Token | null>(null);
  // The answer for one query: shown only while that query is still the one at the caret.
  const [found, setFound] = useState<{ query: string; people: PersonSuggestion[] } | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const caretAfter = useRef<number | null>(null);

  const people = token && found?.query === token.query ? found.people : [];
  const open = !!token && people.length > 0 && dismissed !== `${token.start}:${token.query}`;

  /** Reads the token at the caret: call on every change, click and caret move. */
  const update = useCallback(() => {
    const box = textarea.current;
    if (!box || box.selectionStart !== box.selectionEnd) return setToken(null);
    const before = box.value.slice(0, box.selectionStart);
    const match = MENTION_AT_CARET.exec(before);
    if (!match) return setToken(null);
    const query = match[1]!;
    setToken((t) =>
      t && t.query === query && t.end === box.selectionStart
        ? t
        : { start: box.selectionStart - query.length - 1, end: box.selectionStart, query },
    );
  }, [textarea]);

  // Ask for the people once typing pauses; a later query's answer wins.
  const query = token?.query ?? null;
  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = setTimeout(() => {
      void fetchJson<PeopleSuggestions>(peopleApi(query), { cache: "no-store" }).then((result) => {
        if (!current) return;
        setFound({ query, people: result.ok ? result.data.people : [] });
        setActive(0);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  // After an insertion, the caret goes right after "@handle ".
  useEffect(() => {
    if (caretAfter.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  });

  function choose(person: PersonSuggestion) {
    const box = textarea.current;
    if (!box || !token) return;
    const inserted = `@${person.handle} `;
    const rest = box.value.slice(token.end).replace(/^ /, "");
    caretAfter.current = token.start + inserted.length;
    setBody(box.value.slice(0, token.start) + inserted + rest);
    setToken(null);
    box.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open || !token) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + people.length) % people.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      const person = people[active] ?? people[0];
      if (person) choose(person);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setDismissed(`${token.start}:${token.query}`);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  const textareaProps = {
    "aria-autocomplete": "list" as const,
    "aria-controls": open ? listId : undefined,
    "aria-activedescendant": open ? optionId(active) : undefined,
    onKeyDown,
    onClick: update,
    onKeyUp: (e: KeyboardEvent<HTMLTextAreaElement>) => {
      if (e.key.startsWith("Arrow") && !open) update();
      if (e.key === "Home" || e.key === "End") update();
    },
    onBlur: () => setTimeout(() => setToken(null), 150),
  };

  const list = (
    <>
      <p className="sr-only" aria-live="polite">
        {open
          ? `${people.length} ${people.length === 1 ? "person" : "people"} to mention: up and down arrows to choose, Enter to insert.`
          : ""}
      </p>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="People to mention"
          className="relative z-10 mt-1 max-h-64 overflow-auto rounded-md border border-stone-300 bg-white py-1 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-950"
        >
          {people.map((person, i) => (
            <li
              key={person.handle}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // Chosen on mouse down, before the textarea loses focus.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(person);
              }}
              onMouseEnter={() => setActive(i)}
              className="flex cursor-pointer flex-wrap items-baseline gap-x-2 px-3 py-1.5 aria-selected:bg-amber-100 dark:aria-selected:bg-amber-900/50"
            >
              <span className="font-medium">
                {person.name}
                <AuthorBadges role={person.role} imported={person.imported} />
              </span>
              <span className="font-mono text-stone-600 dark:text-stone-400">@{person.handle}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );

  return { update, textareaProps, list };
}
