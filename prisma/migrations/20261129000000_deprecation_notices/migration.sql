-- CreateEnum
CREATE TYPE "NoticeSource" AS ENUM ('spec', 'admin');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('draft', 'scheduled', 'published', 'withdrawn');

-- CreateTable
CREATE TABLE "DeprecationNotice" (
    "id" TEXT NOT NULL,
    "specKey" TEXT,
    "source" "NoticeSource" NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'draft',
    "apiId" TEXT NOT NULL,
    "versions" TEXT[],
    "operations" TEXT[],
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "migrationGuide" TEXT NOT NULL DEFAULT '',
    "deprecatedAt" TIMESTAMP(3),
    "sunsetAt" TIMESTAMP(3),
    "publishAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeprecationNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Brownout" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Brownout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeprecationNotice_specKey_key" ON "DeprecationNotice"("specKey");

-- CreateIndex
CREATE INDEX "DeprecationNotice_apiId_status_idx" ON "DeprecationNotice"("apiId", "status");

-- CreateIndex
CREATE INDEX "DeprecationNotice_status_publishAt_idx" ON "DeprecationNotice"("status", "publishAt");

-- CreateIndex
CREATE INDEX "Brownout_noticeId_idx" ON "Brownout"("noticeId");

-- CreateIndex
CREATE INDEX "Brownout_endsAt_idx" ON "Brownout"("endsAt");

-- AddForeignKey
ALTER TABLE "Brownout" ADD CONSTRAINT "Brownout_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "DeprecationNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change to notices or brownouts tells each instance's key-verification cache to reload
-- the deprecation facts (lib/gateway/key-change-listener.ts listens on this channel too), so a
-- brownout reaches every gateway within a second.
CREATE FUNCTION portolan_notify_notice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('portolan_notices', '*');
  RETURN NULL;
END $$;
CREATE TRIGGER deprecation_notice_notify AFTER INSERT OR UPDATE OR DELETE ON "DeprecationNotice"
  FOR EACH STATEMENT EXECUTE FUNCTION portolan_notify_notice_change();
CREATE TRIGGER brownout_notify AFTER INSERT OR UPDATE OR DELETE ON "Brownout"
  FOR EACH STATEMENT EXECUTE FUNCTION portolan_notify_notice_change();
