/** A visible link to an Atom feed (pages also advertise it in <head>: generateMetadata's alternates). */
export function FeedLink({ href, of }: { href: string; of: string }) {
  return (
    <a href={href} type="application/atom+xml" className="text-stone-600 hover:underline dark:text-stone-400">
      Atom feed<span className="sr-only"> of {of}</span>
    </a>
  );
}
