-- AlterTable
ALTER TABLE "Post" ADD COLUMN "movedAt" DATETIME;
ALTER TABLE "Post" ADD COLUMN "movedFromSubheadingId" TEXT;

-- CreateTable
CREATE TABLE "PostMove" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "fromSubheadingId" TEXT NOT NULL,
    "fromParentId" TEXT,
    "toSubheadingId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT,
    "email" TEXT,
    "emailVerified" DATETIME,
    "image" TEXT,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "importKey" TEXT,
    "suspendedUntil" DATETIME,
    "bannedAt" DATETIME,
    "suspendReason" TEXT,
    "signUpAddrHash" TEXT,
    "handle" TEXT,
    "bio" TEXT,
    "bioHtml" TEXT,
    "followOwnThreads" BOOLEAN NOT NULL DEFAULT true,
    "emailPreference" TEXT NOT NULL DEFAULT 'none',
    "digestSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "postSort" TEXT NOT NULL DEFAULT 'oldest'
);
INSERT INTO "new_User" ("bannedAt", "bio", "bioHtml", "createdAt", "digestSentAt", "email", "emailPreference", "emailVerified", "followOwnThreads", "handle", "id", "image", "importKey", "name", "nameKey", "passwordHash", "role", "signUpAddrHash", "suspendReason", "suspendedUntil", "updatedAt") SELECT "bannedAt", "bio", "bioHtml", "createdAt", "digestSentAt", "email", "emailPreference", "emailVerified", "followOwnThreads", "handle", "id", "image", "importKey", "name", "nameKey", "passwordHash", "role", "signUpAddrHash", "suspendReason", "suspendedUntil", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_importKey_key" ON "User"("importKey");
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");
CREATE INDEX "User_signUpAddrHash_createdAt_idx" ON "User"("signUpAddrHash", "createdAt");
CREATE INDEX "User_nameKey_idx" ON "User"("nameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PostMove_fromSubheadingId_fromParentId_createdAt_idx" ON "PostMove"("fromSubheadingId", "fromParentId", "createdAt");

-- CreateIndex
CREATE INDEX "PostMove_fromParentId_createdAt_idx" ON "PostMove"("fromParentId", "createdAt");

-- CreateIndex
CREATE INDEX "PostMove_postId_createdAt_idx" ON "PostMove"("postId", "createdAt");
