-- Written by hand (scripts/new-migration.sh diffs against the whole working schema, which other
-- changes may share): the table Prisma generates for the HealthCheck model, plus CHECK (id = 1),
-- so it can only ever hold the one row GET /api/health rewrites.

-- CreateTable
CREATE TABLE "HealthCheck" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
    "checkedAt" DATETIME NOT NULL
);
