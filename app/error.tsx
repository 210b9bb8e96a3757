"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-10 text-center" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        The page could not be shown. Please try again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-amber-700 px-4 py-2 font-medium text-white hover:bg-amber-800"
      >
        Try again
      </button>
    </div>
  );
}
