-- CreateTable
CREATE TABLE "ProductVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "publishedAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "ProductVersion_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpdateNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "versionId" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "orderId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "UpdateNotice_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProductVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UpdateNotice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FileSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "productId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "storedName" TEXT,
    "uploadedName" TEXT,
    "uploadedType" TEXT,
    "externalUrl" TEXT,
    "s3Bucket" TEXT,
    "s3Key" TEXT,
    "s3ExpirySeconds" INTEGER NOT NULL DEFAULT 300,
    "updatedAt" DATETIME NOT NULL,
    "versionId" INTEGER,
    CONSTRAINT "FileSource_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FileSource_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProductVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_FileSource" ("contentType", "externalUrl", "fileName", "id", "kind", "productId", "s3Bucket", "s3ExpirySeconds", "s3Key", "storedName", "updatedAt", "uploadedName", "uploadedType") SELECT "contentType", "externalUrl", "fileName", "id", "kind", "productId", "s3Bucket", "s3ExpirySeconds", "s3Key", "storedName", "updatedAt", "uploadedName", "uploadedType" FROM "FileSource";
DROP TABLE "FileSource";
ALTER TABLE "new_FileSource" RENAME TO "FileSource";
CREATE UNIQUE INDEX "FileSource_productId_key" ON "FileSource"("productId");
CREATE UNIQUE INDEX "FileSource_versionId_key" ON "FileSource"("versionId");
CREATE TABLE "new_Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'awaiting_payment',
    "paymentProvider" TEXT NOT NULL DEFAULT 'manual',
    "paymentReference" TEXT,
    "paidAt" DATETIME,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "payBy" DATETIME,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "subtotalCents" INTEGER NOT NULL,
    "shippingCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "dispatchedAt" DATETIME,
    "company" TEXT,
    "phone" TEXT,
    "recipientName" TEXT,
    "recipientEmail" TEXT,
    "giftMessage" TEXT,
    "couponCode" TEXT,
    "discountCents" INTEGER NOT NULL DEFAULT 0,
    "language" TEXT NOT NULL DEFAULT 'en',
    "updateNoticesOff" BOOLEAN NOT NULL DEFAULT false,
    "testMode" BOOLEAN NOT NULL DEFAULT false,
    "integrationId" INTEGER,
    "accountId" INTEGER,
    CONSTRAINT "Order_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("accountId", "addressLine1", "addressLine2", "city", "company", "country", "couponCode", "currency", "discountCents", "dispatchedAt", "email", "fullName", "giftMessage", "id", "integrationId", "language", "number", "paidAt", "paidCents", "payBy", "paymentProvider", "paymentReference", "phone", "placedAt", "postalCode", "recipientEmail", "recipientName", "refundedCents", "shippingCents", "status", "subtotalCents", "testMode", "totalCents") SELECT "accountId", "addressLine1", "addressLine2", "city", "company", "country", "couponCode", "currency", "discountCents", "dispatchedAt", "email", "fullName", "giftMessage", "id", "integrationId", "language", "number", "paidAt", "paidCents", "payBy", "paymentProvider", "paymentReference", "phone", "placedAt", "postalCode", "recipientEmail", "recipientName", "refundedCents", "shippingCents", "status", "subtotalCents", "testMode", "totalCents" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");
CREATE INDEX "Order_placedAt_idx" ON "Order"("placedAt");
CREATE INDEX "Order_status_payBy_idx" ON "Order"("status", "payBy");
CREATE INDEX "Order_paymentReference_idx" ON "Order"("paymentReference");
CREATE INDEX "Order_accountId_idx" ON "Order"("accountId");
CREATE TABLE "new_Product" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "imagePath" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "downloadLimit" INTEGER,
    "licenseDays" INTEGER,
    "allowOlderVersions" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Product" ("active", "createdAt", "currency", "description", "downloadLimit", "id", "imagePath", "kind", "licenseDays", "name", "priceCents", "slug", "summary") SELECT "active", "createdAt", "currency", "description", "downloadLimit", "id", "imagePath", "kind", "licenseDays", "name", "priceCents", "slug", "summary" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ProductVersion_productId_publishedAt_idx" ON "ProductVersion"("productId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProductVersion_productId_version_key" ON "ProductVersion"("productId", "version");

-- CreateIndex
CREATE INDEX "UpdateNotice_orderId_idx" ON "UpdateNotice"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "UpdateNotice_versionId_recipient_key" ON "UpdateNotice"("versionId", "recipient");

-- Every existing file becomes its product's version "1.0" (size and digest unknown until re-published),
-- and the file source points at it, so every download keeps working.
INSERT INTO "ProductVersion" ("productId", "version", "notes", "kind", "fileName", "contentType", "storedName", "externalUrl", "s3Bucket", "s3Key", "publishedAt")
SELECT "productId", '1.0', '', "kind", "fileName", "contentType", "storedName", "externalUrl", "s3Bucket", "s3Key", "updatedAt"
FROM "FileSource" WHERE "kind" IN ('local', 'external', 's3');
UPDATE "FileSource" SET "versionId" = (
  SELECT v."id" FROM "ProductVersion" v WHERE v."productId" = "FileSource"."productId" AND v."version" = '1.0'
) WHERE "kind" IN ('local', 'external', 's3');

-- Rebuilding "Product" and "Order" above dropped their triggers (SQLite has no enum type): made again.
CREATE TRIGGER "Product_kind_insert" BEFORE INSERT ON "Product"
WHEN NEW."kind" NOT IN ('physical', 'download', 'article', 'pass')
BEGIN SELECT RAISE(ABORT, 'Product.kind must be physical, download, article or pass'); END;

CREATE TRIGGER "Product_kind_update" BEFORE UPDATE OF "kind" ON "Product"
WHEN NEW."kind" NOT IN ('physical', 'download', 'article', 'pass')
BEGIN SELECT RAISE(ABORT, 'Product.kind must be physical, download, article or pass'); END;

CREATE TRIGGER "Order_status_insert" BEFORE INSERT ON "Order"
WHEN NEW."status" NOT IN ('awaiting_payment', 'payment_failed', 'paid', 'dispatched', 'partially_refunded', 'refunded', 'disputed', 'cancelled', 'expired')
BEGIN SELECT RAISE(ABORT, 'Order.status is not an order status'); END;

CREATE TRIGGER "Order_status_update" BEFORE UPDATE OF "status" ON "Order"
WHEN NEW."status" NOT IN ('awaiting_payment', 'payment_failed', 'paid', 'dispatched', 'partially_refunded', 'refunded', 'disputed', 'cancelled', 'expired')
BEGIN SELECT RAISE(ABORT, 'Order.status is not an order status'); END;
