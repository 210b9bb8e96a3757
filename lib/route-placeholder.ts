/**
 * Cache Components insists that every dynamic route's generateStaticParams returns at least one
 * set, to validate the route at build time. This one is never a valid slug or id: its build-time
 * render is the not-found page. Real URLs are rendered on their first visit and then served from
 * the page cache until a write invalidates one of their tags.
 */
export const PLACEHOLDER_PARAM = "_";
