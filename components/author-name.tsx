import type { AuthorView } from "@/lib/views";

export function AuthorName({ author }: { author: AuthorView }) {
  if (!author) return <span className="font-medium italic">Unknown author</span>;
  return (
    <span className="font-medium">
      {author.name}
      {author.imported && (
        <span
          className="ml-1.5 rounded bg-stone-200 px-1 py-0.5 align-middle text-[0.65rem] font-normal uppercase tracking-wide text-stone-600 dark:bg-stone-800 dark:text-stone-300"
          title="Imported from the archived debate: this author has no account here"
        >
          archive
        </span>
      )}
    </span>
  );
}
