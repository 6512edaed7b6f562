-- AlterTable
ALTER TABLE "Product" ADD COLUMN "downloadLimit" INTEGER;
ALTER TABLE "Product" ADD COLUMN "licenseDays" INTEGER;

-- CreateTable
CREATE TABLE "FileSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "productId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "storedName" TEXT,
    "externalUrl" TEXT,
    "s3Bucket" TEXT,
    "s3Key" TEXT,
    "s3ExpirySeconds" INTEGER NOT NULL DEFAULT 300,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FileSource_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "License" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderItemId" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "downloadLimit" INTEGER,
    "expiresAt" DATETIME,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "lastCountedAt" DATETIME,
    "lastClientKey" TEXT,
    "createdAt" DATETIME NOT NULL,
    "statusChangedAt" DATETIME,
    CONSTRAINT "License_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DownloadEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "licenseId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "bytes" BIGINT,
    "rangeStart" BIGINT,
    "redirectTo" TEXT,
    "counted" BOOLEAN NOT NULL,
    CONSTRAINT "DownloadEvent_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FileSource_productId_key" ON "FileSource"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "License_orderItemId_key" ON "License"("orderItemId");

-- CreateIndex
CREATE INDEX "License_orderId_idx" ON "License"("orderId");

-- CreateIndex
CREATE INDEX "DownloadEvent_licenseId_clientKey_at_idx" ON "DownloadEvent"("licenseId", "clientKey", "at");
