-- CreateTable
CREATE TABLE "CacheInvalidation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tag" TEXT NOT NULL,
    "at" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "CacheInvalidation_at_idx" ON "CacheInvalidation"("at");
