-- AlterTable
ALTER TABLE "User" ADD COLUMN     "postSort" TEXT NOT NULL DEFAULT 'oldest';

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "movedAt" TIMESTAMP(3),
ADD COLUMN     "movedFromSubheadingId" TEXT;

-- CreateTable
CREATE TABLE "PostMove" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "fromSubheadingId" TEXT NOT NULL,
    "fromParentId" TEXT,
    "toSubheadingId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostMove_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PostMove_fromSubheadingId_fromParentId_createdAt_idx" ON "PostMove"("fromSubheadingId", "fromParentId", "createdAt");

-- CreateIndex
CREATE INDEX "PostMove_fromParentId_createdAt_idx" ON "PostMove"("fromParentId", "createdAt");

-- CreateIndex
CREATE INDEX "PostMove_postId_createdAt_idx" ON "PostMove"("postId", "createdAt");
