-- CreateTable
CREATE TABLE "Integration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "accessKey" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'test',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IntegrationCertificate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "integrationId" INTEGER NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "keyType" TEXT NOT NULL,
    "keyBits" INTEGER,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT,
    "notAfter" DATETIME,
    "uploadedAt" DATETIME NOT NULL,
    "retiresAt" DATETIME,
    CONSTRAINT "IntegrationCertificate_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StoreKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "purpose" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "sealedPrivateKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UsedNonce" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Integration_accessKey_key" ON "Integration"("accessKey");

-- CreateIndex
CREATE INDEX "IntegrationCertificate_integrationId_idx" ON "IntegrationCertificate"("integrationId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreKey_kid_key" ON "StoreKey"("kid");

-- CreateIndex
CREATE UNIQUE INDEX "StoreKey_purpose_generation_key" ON "StoreKey"("purpose", "generation");

-- CreateIndex
CREATE INDEX "UsedNonce_expiresAt_idx" ON "UsedNonce"("expiresAt");
