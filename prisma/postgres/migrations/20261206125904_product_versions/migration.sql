-- AlterTable
ALTER TABLE "FileSource" ADD COLUMN     "versionId" INTEGER;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "updateNoticesOff" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "allowOlderVersions" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProductVersion" (
    "id" SERIAL NOT NULL,
    "productId" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "storedName" TEXT,
    "externalUrl" TEXT,
    "s3Bucket" TEXT,
    "s3Key" TEXT,
    "sha256" TEXT,
    "sizeBytes" BIGINT,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ProductVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpdateNotice" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "orderId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpdateNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProductVersion_productId_publishedAt_idx" ON "ProductVersion"("productId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProductVersion_productId_version_key" ON "ProductVersion"("productId", "version");

-- CreateIndex
CREATE INDEX "UpdateNotice_orderId_idx" ON "UpdateNotice"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "UpdateNotice_versionId_recipient_key" ON "UpdateNotice"("versionId", "recipient");

-- CreateIndex
CREATE UNIQUE INDEX "FileSource_versionId_key" ON "FileSource"("versionId");

-- AddForeignKey
ALTER TABLE "FileSource" ADD CONSTRAINT "FileSource_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProductVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductVersion" ADD CONSTRAINT "ProductVersion_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateNotice" ADD CONSTRAINT "UpdateNotice_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProductVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateNotice" ADD CONSTRAINT "UpdateNotice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every existing file becomes its product's version "1.0" (size and digest unknown until re-published),
-- and the file source points at it, so every download keeps working.
INSERT INTO "ProductVersion" ("productId", "version", "notes", "kind", "fileName", "contentType", "storedName", "externalUrl", "s3Bucket", "s3Key", "publishedAt")
SELECT "productId", '1.0', '', "kind", "fileName", "contentType", "storedName", "externalUrl", "s3Bucket", "s3Key", "updatedAt"
FROM "FileSource" WHERE "kind" IN ('local', 'external', 's3');
UPDATE "FileSource" SET "versionId" = (
  SELECT v."id" FROM "ProductVersion" v WHERE v."productId" = "FileSource"."productId" AND v."version" = '1.0'
) WHERE "kind" IN ('local', 'external', 's3');
