"use client";

import { lazyComponent } from "../lazy-component";
import { useViewer } from "../use-viewer";

const Controller = lazyComponent(() => import("./marks-controller").then((m) => m.MarksController));

/**
 * Mounted once per list of posts (components/thread.tsx): for a signed-in member, loads the one
 * controller of every mark button on the page; a reader downloads nothing more.
 */
export function Marks() {
  const { viewer } = useViewer();
  return viewer ? <Controller viewer={viewer} /> : null;
}
