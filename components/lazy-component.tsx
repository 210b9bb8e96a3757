"use client";

import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import type { Viewer } from "@/lib/permissions";
import { useViewer } from "./use-viewer";

/**
 * A client component fetched the first time it renders, with `fallback` meanwhile: React.lazy in
 * its own Suspense boundary. Used for parts only some visitors reach (a member's menus, staff
 * tools, the compose form), which render only after the session is known or a form opens, never
 * on the server. It replaces next/dynamic, whose runtime (~2.5 KB compressed) every page downloaded.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}

/**
 * A client component only signed-in members (or those `allowed`) use, loaded once the session says
 * the viewer is one (with `fallback` while it loads); nothing for anyone else, who never downloads it.
 */
export function lazyForMembers<P extends object>(
  load: () => Promise<ComponentType<P>>,
  allowed: (viewer: NonNullable<Viewer>) => boolean = () => true,
  fallback: ReactNode = null,
): ComponentType<P> {
  const Lazy = lazyComponent(load, fallback);
  function ForMembers(props: P) {
    const { viewer } = useViewer();
    return viewer && allowed(viewer) ? <Lazy {...props} /> : null;
  }
  return ForMembers;
}
