-- AlterTable
ALTER TABLE "User" ADD COLUMN "signUpAddrHash" TEXT;

-- CreateIndex
CREATE INDEX "User_signUpAddrHash_createdAt_idx" ON "User"("signUpAddrHash", "createdAt");
