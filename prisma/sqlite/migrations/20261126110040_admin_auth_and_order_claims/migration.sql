-- CreateTable
CREATE TABLE "AdminAuth" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "generation" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "OrderClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "nonceHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderClaim_nonceHash_key" ON "OrderClaim"("nonceHash");

-- CreateIndex
CREATE INDEX "OrderClaim_orderId_createdAt_idx" ON "OrderClaim"("orderId", "createdAt");
