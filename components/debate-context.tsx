"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { MovedAwayView } from "@/lib/views";

type DebateInfo = {
  debateId: string;
  debateSlug: string;
  locked: boolean;
  subheadings: { id: string; title: string; locked: boolean }[];
  /** What moderators moved out of the page's subheading, newest first (components/moved-notes.tsx). */
  movedAway?: MovedAwayView[];
};

const DebateContext = createContext<DebateInfo | null>(null);

/** The debate a page shows, for the per-user tools inside it (moving a post needs its subheadings). */
export function DebateProvider({ value, children }: { value: DebateInfo; children: ReactNode }) {
  return <DebateContext.Provider value={value}>{children}</DebateContext.Provider>;
}

export function useDebate(): DebateInfo | null {
  return useContext(DebateContext);
}
