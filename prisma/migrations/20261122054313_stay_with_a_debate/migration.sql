-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "postId" TEXT,
    "actorId" TEXT,
    "debateId" TEXT,
    "subheadingId" TEXT,
    "detail" TEXT,
    "readAt" DATETIME,
    "emailedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "processedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReadMark" (
    "userId" TEXT NOT NULL,
    "subheadingId" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "subheadingId"),
    CONSTRAINT "ReadMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("bannedAt", "createdAt", "email", "emailVerified", "id", "image", "importKey", "name", "nameKey", "passwordHash", "role", "signUpAddrHash", "suspendReason", "suspendedUntil", "updatedAt") SELECT "bannedAt", "createdAt", "email", "emailVerified", "id", "image", "importKey", "name", "nameKey", "passwordHash", "role", "signUpAddrHash", "suspendReason", "suspendedUntil", "updatedAt" FROM "User";
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
CREATE INDEX "Follow_targetType_targetId_level_idx" ON "Follow"("targetType", "targetId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_targetType_targetId_key" ON "Follow"("userId", "targetType", "targetId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_emailedAt_createdAt_idx" ON "Notification"("emailedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "NotificationJob_processedAt_createdAt_idx" ON "NotificationJob"("processedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationJob_kind_subjectId_key" ON "NotificationJob"("kind", "subjectId");

-- CreateIndex
CREATE INDEX "ReadMark_userId_debateId_idx" ON "ReadMark"("userId", "debateId");
