-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "amountCents" INTEGER,
    CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "requestKey" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "providerRefundId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "settledAt" DATETIME,
    CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "processedAt" DATETIME,
    "outcome" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessGrant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "orderItemId" INTEGER NOT NULL,
    "articleId" INTEGER,
    "passId" INTEGER,
    "validUntil" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "linkRef" TEXT NOT NULL,
    CONSTRAINT "AccessGrant_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_passId_fkey" FOREIGN KEY ("passId") REFERENCES "Pass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Every grant gets its random link reference (existing ones too).
INSERT INTO "new_AccessGrant" ("articleId", "createdAt", "id", "orderId", "orderItemId", "passId", "revokedAt", "validUntil", "linkRef") SELECT "articleId", "createdAt", "id", "orderId", "orderItemId", "passId", "revokedAt", "validUntil", lower(hex(randomblob(16))) FROM "AccessGrant";
DROP TABLE "AccessGrant";
ALTER TABLE "new_AccessGrant" RENAME TO "AccessGrant";
CREATE UNIQUE INDEX "AccessGrant_orderItemId_key" ON "AccessGrant"("orderItemId");
CREATE UNIQUE INDEX "AccessGrant_linkRef_key" ON "AccessGrant"("linkRef");
CREATE INDEX "AccessGrant_orderId_idx" ON "AccessGrant"("orderId");
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
    "testMode" BOOLEAN NOT NULL DEFAULT false,
    "integrationId" INTEGER,
    "accountId" INTEGER,
    CONSTRAINT "Order_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("accountId", "addressLine1", "addressLine2", "city", "company", "country", "couponCode", "currency", "discountCents", "dispatchedAt", "email", "fullName", "giftMessage", "id", "integrationId", "language", "number", "phone", "placedAt", "postalCode", "recipientEmail", "recipientName", "shippingCents", "status", "subtotalCents", "testMode", "totalCents", "paidAt", "paidCents", "paymentReference") SELECT "accountId", "addressLine1", "addressLine2", "city", "company", "country", "couponCode", "currency", "discountCents", "dispatchedAt", "email", "fullName", "giftMessage", "id", "integrationId", "language", "number", "phone", "placedAt", "postalCode", "recipientEmail", "recipientName", "shippingCents",
  -- Orders placed before payments existed were granted at once: they count as paid in full, when placed.
  CASE WHEN "status" = 'placed' THEN 'paid' ELSE "status" END, "subtotalCents", "testMode", "totalCents", "placedAt", "totalCents", 'before-payments' FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");
CREATE INDEX "Order_placedAt_idx" ON "Order"("placedAt");
CREATE INDEX "Order_status_payBy_idx" ON "Order"("status", "payBy");
CREATE INDEX "Order_paymentReference_idx" ON "Order"("paymentReference");
CREATE INDEX "Order_accountId_idx" ON "Order"("accountId");
CREATE TABLE "new_OrderItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "productName" TEXT NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "lineTotalCents" INTEGER NOT NULL,
    "takenBackAt" DATETIME,
    "refundId" INTEGER,
    CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrderItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrderItem_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_OrderItem" ("id", "lineTotalCents", "orderId", "productId", "productName", "quantity", "unitPriceCents") SELECT "id", "lineTotalCents", "orderId", "productId", "productName", "quantity", "unitPriceCents" FROM "OrderItem";
DROP TABLE "OrderItem";
ALTER TABLE "new_OrderItem" RENAME TO "OrderItem";
CREATE INDEX "OrderItem_orderId_idx" ON "OrderItem"("orderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_at_idx" ON "OrderEvent"("orderId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_requestKey_key" ON "Refund"("requestKey");

-- CreateIndex
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentEvent_provider_eventId_key" ON "PaymentEvent"("provider", "eventId");

-- SQLite has no enum type: the status is checked by triggers, as Product.kind is.
CREATE TRIGGER "Order_status_insert" BEFORE INSERT ON "Order"
WHEN NEW."status" NOT IN ('awaiting_payment', 'payment_failed', 'paid', 'dispatched', 'partially_refunded', 'refunded', 'disputed', 'cancelled', 'expired')
BEGIN SELECT RAISE(ABORT, 'Order.status is not an order status'); END;

CREATE TRIGGER "Order_status_update" BEFORE UPDATE OF "status" ON "Order"
WHEN NEW."status" NOT IN ('awaiting_payment', 'payment_failed', 'paid', 'dispatched', 'partially_refunded', 'refunded', 'disputed', 'cancelled', 'expired')
BEGIN SELECT RAISE(ABORT, 'Order.status is not an order status'); END;
