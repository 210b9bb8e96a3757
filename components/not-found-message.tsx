import Link from "@/components/link";
import { homePath } from "@/lib/paths";

export function NotFoundMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="py-10 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-400">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mx-auto mt-3 max-w-prose text-stone-600 dark:text-stone-400">{children}</p>
      <p className="mt-6">
        <Link href={homePath()} className="rounded bg-amber-700 px-4 py-2 font-medium text-white hover:bg-amber-800">
          See all debates
        </Link>
      </p>
    </div>
  );
}
