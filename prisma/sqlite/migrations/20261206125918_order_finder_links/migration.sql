-- CreateTable
CREATE TABLE "OrderFinderLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "emailKey" TEXT NOT NULL,
    "nonceHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderFinderLink_nonceHash_key" ON "OrderFinderLink"("nonceHash");

-- CreateIndex
CREATE INDEX "OrderFinderLink_emailKey_createdAt_idx" ON "OrderFinderLink"("emailKey", "createdAt");
