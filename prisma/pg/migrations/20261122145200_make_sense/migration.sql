-- AlterTable
ALTER TABLE "User" ADD COLUMN     "readingMode" TEXT NOT NULL DEFAULT 'nested';

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "agreeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disagreeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "markCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "passCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "replyType" TEXT;

-- CreateTable
CREATE TABLE "PostMark" (
    "postId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostMark_pkey" PRIMARY KEY ("postId","userId")
);

-- CreateTable
CREATE TABLE "Synthesis" (
    "id" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "subheadingId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "body" TEXT NOT NULL DEFAULT '',
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "renderVersion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Synthesis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SynthesisVersion" (
    "id" TEXT NOT NULL,
    "synthesisId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "authorId" TEXT,
    "editorId" TEXT,
    "proposalId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SynthesisVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SynthesisProposal" (
    "id" TEXT NOT NULL,
    "synthesisId" TEXT NOT NULL,
    "authorId" TEXT,
    "baseVersion" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SynthesisProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "subheadingId" TEXT NOT NULL,
    "authorId" TEXT,
    "statement" TEXT NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "outcome" TEXT,
    "outcomeById" TEXT,
    "outcomeAt" TIMESTAMP(3),
    "agreeCount" INTEGER NOT NULL DEFAULT 0,
    "abstainCount" INTEGER NOT NULL DEFAULT 0,
    "disagreeCount" INTEGER NOT NULL DEFAULT 0,
    "blockCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalVote" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalVote_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateIndex
CREATE INDEX "PostMark_userId_idx" ON "PostMark"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Synthesis_scopeKey_key" ON "Synthesis"("scopeKey");

-- CreateIndex
CREATE INDEX "Synthesis_debateId_idx" ON "Synthesis"("debateId");

-- CreateIndex
CREATE INDEX "Synthesis_subheadingId_idx" ON "Synthesis"("subheadingId");

-- CreateIndex
CREATE UNIQUE INDEX "SynthesisVersion_synthesisId_number_key" ON "SynthesisVersion"("synthesisId", "number");

-- CreateIndex
CREATE INDEX "SynthesisProposal_synthesisId_status_createdAt_idx" ON "SynthesisProposal"("synthesisId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "SynthesisProposal_authorId_idx" ON "SynthesisProposal"("authorId");

-- CreateIndex
CREATE INDEX "Proposal_subheadingId_createdAt_id_idx" ON "Proposal"("subheadingId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Proposal_debateId_createdAt_idx" ON "Proposal"("debateId", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_closedAt_closesAt_idx" ON "Proposal"("closedAt", "closesAt");

-- CreateIndex
CREATE INDEX "ProposalVote_userId_idx" ON "ProposalVote"("userId");

-- CreateIndex
CREATE INDEX "Post_subheadingId_createdAt_id_idx" ON "Post"("subheadingId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Post_rootId_createdAt_id_idx" ON "Post"("rootId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Post_subheadingId_replyType_createdAt_id_idx" ON "Post"("subheadingId", "replyType", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Post_subheadingId_markCount_idx" ON "Post"("subheadingId", "markCount");

-- AddForeignKey
ALTER TABLE "PostMark" ADD CONSTRAINT "PostMark_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostMark" ADD CONSTRAINT "PostMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Synthesis" ADD CONSTRAINT "Synthesis_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "Debate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Synthesis" ADD CONSTRAINT "Synthesis_subheadingId_fkey" FOREIGN KEY ("subheadingId") REFERENCES "Subheading"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisVersion" ADD CONSTRAINT "SynthesisVersion_synthesisId_fkey" FOREIGN KEY ("synthesisId") REFERENCES "Synthesis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisProposal" ADD CONSTRAINT "SynthesisProposal_synthesisId_fkey" FOREIGN KEY ("synthesisId") REFERENCES "Synthesis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "Debate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_subheadingId_fkey" FOREIGN KEY ("subheadingId") REFERENCES "Subheading"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVote" ADD CONSTRAINT "ProposalVote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVote" ADD CONSTRAINT "ProposalVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
