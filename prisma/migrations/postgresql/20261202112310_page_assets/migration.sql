-- CreateEnum
CREATE TYPE "PageAssetKind" AS ENUM ('LOGO', 'FAVICON');

-- CreateTable
CREATE TABLE "PageAsset" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "kind" "PageAssetKind" NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PageAsset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PageAsset_sha256_idx" ON "PageAsset"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "PageAsset_pageId_kind_key" ON "PageAsset"("pageId", "kind");

-- AddForeignKey
ALTER TABLE "PageAsset" ADD CONSTRAINT "PageAsset_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

