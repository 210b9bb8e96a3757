-- Full-text search over posts (hand-written: Prisma cannot describe it, see ARCHITECTURE.md, "Search").
-- A generated tsvector of each post's title (weight A) and body (weight B): PostgreSQL computes it on
-- every insert and on every update of the text, so it is always in step with the row. Not in
-- schema.prisma: the client never reads or writes it, and prisma/schema-sync.pg.test.ts allows it
-- (and its index) by name. Adding it rewrites "Post" once, under a lock, when this migration runs.
-- Hidden, deleted and archived posts stay indexed: every search filters them out.
ALTER TABLE "Post" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, "body"), 'B')
) STORED;

CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");
