import "server-only";
import { NEW_ACCOUNT_MS, POSTING_LIMITS, POSTING_LOOKBACK_MS, postingRetryAfter } from "@/lib/rules/post-rate-limit";
import type { DbTx } from "../db";

/**
 * Accounts younger than a day share one newcomer's posting limit with every other young account
 * signed up from the same address (their keyed hash, User.signUpAddrHash): 150 fresh accounts
 * from one address post no faster than one. Seconds until `author` may post, or null. Run inside
 * the post's write transaction, like the per-account limit, so posts sent at once are counted.
 */
export async function addressPostingRetryAfter(
  tx: DbTx,
  author: { id: string; createdAt: Date },
  now: Date,
): Promise<number | null> {
  const youngSince = new Date(now.getTime() - NEW_ACCOUNT_MS);
  if (author.createdAt <= youngSince) return null;
  const row = await tx.user.findUnique({ where: { id: author.id }, select: { signUpAddrHash: true } });
  if (!row?.signUpAddrHash) return null;
  // Bounded: sign-up lets an address make 10 a day (per server process: 200 leaves room for restarts).
  const young = await tx.user.findMany({
    where: { signUpAddrHash: row.signUpAddrHash, createdAt: { gt: youngSince } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true },
  });
  // The newest posts are all a window's count needs: at most its largest allowance.
  const recent = await tx.post.findMany({
    where: {
      authorId: { in: young.map((u) => u.id) },
      createdAt: { gt: new Date(now.getTime() - POSTING_LOOKBACK_MS) },
    },
    orderBy: { createdAt: "desc" },
    take: Math.max(...POSTING_LIMITS.newAccount.map((w) => w.max)),
    select: { createdAt: true },
  });
  return postingRetryAfter({ now, accountCreatedAt: author.createdAt, recent: recent.map((p) => p.createdAt) });
}
