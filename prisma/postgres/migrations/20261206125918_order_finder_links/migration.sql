-- CreateTable
CREATE TABLE "OrderFinderLink" (
    "id" SERIAL NOT NULL,
    "emailKey" TEXT NOT NULL,
    "nonceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "OrderFinderLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderFinderLink_nonceHash_key" ON "OrderFinderLink"("nonceHash");

-- CreateIndex
CREATE INDEX "OrderFinderLink_emailKey_createdAt_idx" ON "OrderFinderLink"("emailKey", "createdAt");
