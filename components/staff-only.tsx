import Link from "@/components/link";
import { moderationLogPath, reportsPath, signInPath } from "@/lib/paths";

/** What a reader who is not a moderator sees on a moderators' page. */
export function StaffOnly({ signedIn, what }: { signedIn: boolean; what: string }) {
  return (
    <div className="py-8">
      <h1 className="text-2xl font-bold tracking-tight">{what}</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        {signedIn ? "This page is for moderators." : "This page is for moderators. "}
        {!signedIn && (
          <Link href={signInPath(reportsPath())} className="font-medium text-amber-800 underline dark:text-amber-300">
            Sign in
          </Link>
        )}{" "}
        Anyone can read the{" "}
        <Link href={moderationLogPath()} className="underline">
          public moderation log
        </Link>
        .
      </p>
    </div>
  );
}
