-- AlterTable
ALTER TABLE "Post" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Post_authorId_idempotencyKey_key" ON "Post"("authorId", "idempotencyKey");
