"use client";

import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes, MouseEvent, Ref } from "react";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "onMouseEnter" | "onFocus" | "onTouchStart"> & {
  href: string;
  /** False: never fetched ahead (links most readers do not follow, whose page's code is heavy). */
  prefetch?: boolean;
  ref?: Ref<HTMLAnchorElement>;
};

/** A click the browser should handle itself: another tab or window, a download, a modified click. */
function leftToTheBrowser(event: MouseEvent<HTMLAnchorElement>): boolean {
  const { target } = event.currentTarget;
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (!!target && target !== "_self") ||
    event.currentTarget.hasAttribute("download")
  );
}

/**
 * The site's link: a plain <a> that, for a path on this site, navigates in place through Next's
 * router (no page reload) and fetches its target ahead only once the pointer, a finger or focus is
 * on it. next/link was replaced because it cost every page ~2 KB of compressed script and, by
 * prefetching every link that scrolled into view, a subheading page ~180 KB of its permalinks'
 * data on each first visit; hover, touch and focus come early enough to hide most of the wait.
 */
export default function Link({ href, prefetch = true, onClick, ...rest }: Props) {
  const router = useRouter();
  const internal = href.startsWith("/") && !href.startsWith("//");
  const warm = internal && prefetch ? () => router.prefetch(href) : undefined;
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!internal || leftToTheBrowser(event)) return;
        event.preventDefault();
        router.push(href);
      }}
      onMouseEnter={warm}
      onFocus={warm}
      onTouchStart={warm}
    />
  );
}
