"use client";

import { lazyComponent } from "@/components/lazy-component";
import { FormPlaceholder } from "./form-placeholder";

/**
 * The compose form (with its preview and @mention suggestions) is fetched when a form opens, not
 * with the page: most visitors read and never write. Until it arrives, a pending placeholder of
 * roughly its size keeps the page from jumping.
 */
export const LazyComposeForm = lazyComponent(
  () => import("./compose-form").then((m) => m.ComposeForm),
  <FormPlaceholder />,
);
