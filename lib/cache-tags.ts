// Tags for Next's cache ('use cache' + cacheTag). Every read that a write can change carries
// one of these, and the write invalidates it (server/cache/invalidate.ts).

export const cacheTags = {
  debateList: () => "debates",
  debate: (debateId: string) => `debate:${debateId}`,
  subheading: (subheadingId: string) => `subheading:${subheadingId}`,
  thread: (rootPostId: string) => `thread:${rootPostId}`,
  moderationLog: () => "moderation-log",
};
