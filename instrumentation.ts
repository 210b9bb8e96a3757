// Next calls register() once when a server process starts (npm start, npm run dev, each e2e or
// cluster instance), before any request: the place for periodic work that must run even if nobody
// visits. Not during `next build`, whose workers only render pages.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Proposals close at their time (server/proposals/close-due.ts): every 30 s, unref'd, stopped on SIGTERM/SIGINT.
  const { ensureProposalCloser } = await import("./server/proposals/close-due");
  ensureProposalCloser();
}
