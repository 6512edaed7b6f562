-- CreateTable
CREATE TABLE "LicenseActivation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "instanceId" TEXT NOT NULL,
    "licenseId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "deactivatedAt" DATETIME,
    "deactivatedBy" TEXT,
    CONSTRAINT "LicenseActivation_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_License" (
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
    "licenseKey" TEXT,
    "keyDigest" TEXT,
    "activationLimit" INTEGER,
    "activationCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "License_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_License" ("createdAt", "downloadCount", "downloadLimit", "expiresAt", "id", "lastClientKey", "lastCountedAt", "orderId", "orderItemId", "productId", "status", "statusChangedAt") SELECT "createdAt", "downloadCount", "downloadLimit", "expiresAt", "id", "lastClientKey", "lastCountedAt", "orderId", "orderItemId", "productId", "status", "statusChangedAt" FROM "License";
DROP TABLE "License";
ALTER TABLE "new_License" RENAME TO "License";
CREATE UNIQUE INDEX "License_orderItemId_key" ON "License"("orderItemId");
CREATE UNIQUE INDEX "License_keyDigest_key" ON "License"("keyDigest");
CREATE INDEX "License_orderId_idx" ON "License"("orderId");
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
    "licenseKeys" BOOLEAN NOT NULL DEFAULT false,
    "activationLimit" INTEGER,
    "allowOlderVersions" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Product" ("active", "allowOlderVersions", "createdAt", "currency", "description", "downloadLimit", "id", "imagePath", "kind", "licenseDays", "name", "priceCents", "slug", "summary") SELECT "active", "allowOlderVersions", "createdAt", "currency", "description", "downloadLimit", "id", "imagePath", "kind", "licenseDays", "name", "priceCents", "slug", "summary" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LicenseActivation_instanceId_key" ON "LicenseActivation"("instanceId");

-- CreateIndex
CREATE INDEX "LicenseActivation_licenseId_idx" ON "LicenseActivation"("licenseId");

-- Rebuilding "Product" above dropped its triggers (SQLite has no enum type): made again.
CREATE TRIGGER "Product_kind_insert" BEFORE INSERT ON "Product"
WHEN NEW."kind" NOT IN ('physical', 'download', 'article', 'pass')
BEGIN SELECT RAISE(ABORT, 'Product.kind must be physical, download, article or pass'); END;

CREATE TRIGGER "Product_kind_update" BEFORE UPDATE OF "kind" ON "Product"
WHEN NEW."kind" NOT IN ('physical', 'download', 'article', 'pass')
BEGIN SELECT RAISE(ABORT, 'Product.kind must be physical, download, article or pass'); END;
