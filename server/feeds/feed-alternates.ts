import "server-only";
import type { Metadata } from "next";
import { siteUrl } from "../http/site-url";

/** A page's <link rel="alternate" type="application/atom+xml"> (generateMetadata), as an absolute URL. */
export function feedAlternates(feedPath: string, title: string): NonNullable<Metadata["alternates"]> {
  return { types: { "application/atom+xml": [{ url: siteUrl(feedPath), title: `Atom feed: ${title}` }] } };
}
