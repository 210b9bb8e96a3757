-- CreateTable
CREATE TABLE "PostMark" (
    "postId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("postId", "userId"),
    CONSTRAINT "PostMark_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Synthesis" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "debateId" TEXT NOT NULL,
    "subheadingId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "body" TEXT NOT NULL DEFAULT '',
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "renderVersion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Synthesis_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "Debate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Synthesis_subheadingId_fkey" FOREIGN KEY ("subheadingId") REFERENCES "Subheading" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SynthesisVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "synthesisId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "authorId" TEXT,
    "editorId" TEXT,
    "proposalId" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SynthesisVersion_synthesisId_fkey" FOREIGN KEY ("synthesisId") REFERENCES "Synthesis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SynthesisProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "synthesisId" TEXT NOT NULL,
    "authorId" TEXT,
    "baseVersion" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SynthesisProposal_synthesisId_fkey" FOREIGN KEY ("synthesisId") REFERENCES "Synthesis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "debateId" TEXT NOT NULL,
    "subheadingId" TEXT NOT NULL,
    "authorId" TEXT,
    "statement" TEXT NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "outcome" TEXT,
    "outcomeById" TEXT,
    "outcomeAt" DATETIME,
    "agreeCount" INTEGER NOT NULL DEFAULT 0,
    "abstainCount" INTEGER NOT NULL DEFAULT 0,
    "disagreeCount" INTEGER NOT NULL DEFAULT 0,
    "blockCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "Debate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_subheadingId_fkey" FOREIGN KEY ("subheadingId") REFERENCES "Subheading" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalVote" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("proposalId", "userId"),
    CONSTRAINT "ProposalVote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN rather than Prisma's table redefinition, which would drop the search triggers)
ALTER TABLE "User" ADD COLUMN "readingMode" TEXT NOT NULL DEFAULT 'nested';

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "replyType" TEXT;
ALTER TABLE "Post" ADD COLUMN "agreeCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Post" ADD COLUMN "disagreeCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Post" ADD COLUMN "passCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Post" ADD COLUMN "markCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Post_subheadingId_createdAt_id_idx" ON "Post"("subheadingId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Post_rootId_createdAt_id_idx" ON "Post"("rootId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Post_subheadingId_replyType_createdAt_id_idx" ON "Post"("subheadingId", "replyType", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Post_subheadingId_markCount_idx" ON "Post"("subheadingId", "markCount");

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
