-- CreateTable
CREATE TABLE "AdminAuth" (
    "id" INTEGER NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AdminAuth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderClaim" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "nonceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "OrderClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderClaim_nonceHash_key" ON "OrderClaim"("nonceHash");

-- CreateIndex
CREATE INDEX "OrderClaim_orderId_createdAt_idx" ON "OrderClaim"("orderId", "createdAt");
