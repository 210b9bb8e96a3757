"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link Next prefetches only once the pointer or focus is on it, not when it scrolls into view:
 * for links a reader seldom follows at once (the header's, on every page), whose prefetch would
 * otherwise download the target page's JavaScript on every first visit.
 */
export function HoverPrefetchLink({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const [active, setActive] = useState(false);
  return (
    <Link
      {...props}
      prefetch={active ? null : false}
      onMouseEnter={(e) => {
        setActive(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setActive(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setActive(true);
        onTouchStart?.(e);
      }}
    />
  );
}
