-- CreateEnum
CREATE TYPE "ChangelogEntryStatus" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "PersonalFeed" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastReadAt" TIMESTAMP(3),

    CONSTRAINT "PersonalFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminChangelogEntry" (
    "id" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "status" "ChangelogEntryStatus" NOT NULL DEFAULT 'draft',
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "versions" TEXT[],
    "severity" TEXT,
    "kind" TEXT,
    "operations" TEXT[],
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminChangelogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PersonalFeed_userId_key" ON "PersonalFeed"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalFeed_tokenHash_key" ON "PersonalFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "AdminChangelogEntry_apiId_status_idx" ON "AdminChangelogEntry"("apiId", "status");

-- CreateIndex
CREATE INDEX "AdminChangelogEntry_status_idx" ON "AdminChangelogEntry"("status");

-- AddForeignKey
ALTER TABLE "PersonalFeed" ADD CONSTRAINT "PersonalFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

