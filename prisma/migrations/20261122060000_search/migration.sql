-- Full-text search over posts (hand-written: Prisma cannot describe it, see ARCHITECTURE.md, "Search").
-- An FTS5 index over Post's title and body. External content: the text lives only in "Post", and
-- the index names each post by Post's rowid. The triggers below keep it in step with every insert,
-- update of the text and delete, whoever makes them (the app, the importer, a cascade).
-- Post's key is a TEXT cuid, so its rowid is implicit and VACUUM may renumber it: after a VACUUM,
-- or a migration that rebuilds "Post" (Prisma's RedefineTables, which also drops these triggers:
-- re-create them), rebuild the index with the last statement of this file.
-- Hidden, deleted and archived posts stay indexed: every search filters them out by joining "Post".
CREATE VIRTUAL TABLE "PostSearch" USING fts5(
    "title",
    "body",
    content = 'Post',
    content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "PostSearch_insert" AFTER INSERT ON "Post" BEGIN
    INSERT INTO "PostSearch" ("rowid", "title", "body") VALUES (new."rowid", new."title", new."body");
END;

CREATE TRIGGER "PostSearch_delete" AFTER DELETE ON "Post" BEGIN
    INSERT INTO "PostSearch" ("PostSearch", "rowid", "title", "body") VALUES ('delete', old."rowid", old."title", old."body");
END;

CREATE TRIGGER "PostSearch_update" AFTER UPDATE OF "title", "body" ON "Post" BEGIN
    INSERT INTO "PostSearch" ("PostSearch", "rowid", "title", "body") VALUES ('delete', old."rowid", old."title", old."body");
    INSERT INTO "PostSearch" ("rowid", "title", "body") VALUES (new."rowid", new."title", new."body");
END;

-- Index the posts that exist already.
INSERT INTO "PostSearch" ("PostSearch") VALUES ('rebuild');
