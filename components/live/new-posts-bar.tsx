import { NewPostsWatch, type NewPostsProps } from "./new-posts-watch";

/**
 * A bar that appears when others post on what this page shows, and shows their posts in place
 * when clicked (components/live/new-posts-button.tsx). Fixed at the bottom on phones, sticky at
 * the top of the content on wider screens; a polite live region, there from the start (drawn by
 * the server: only what listens is script), announces it.
 */
export function NewPostsBar(props: NewPostsProps) {
  return (
    <div
      tabIndex={-1}
      role="status"
      aria-live="polite"
      className="fixed inset-x-0 bottom-3 z-30 flex justify-center px-3 outline-none sm:sticky sm:top-3 sm:bottom-auto sm:h-0 sm:items-start"
    >
      <NewPostsWatch {...props} />
    </div>
  );
}
