-- CreateTable
CREATE TABLE "Integration" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "accessKey" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'test',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationCertificate" (
    "id" SERIAL NOT NULL,
    "integrationId" INTEGER NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "keyType" TEXT NOT NULL,
    "keyBits" INTEGER,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT,
    "notAfter" TIMESTAMP(3),
    "uploadedAt" TIMESTAMP(3) NOT NULL,
    "retiresAt" TIMESTAMP(3),

    CONSTRAINT "IntegrationCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreKey" (
    "id" SERIAL NOT NULL,
    "purpose" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "sealedPrivateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsedNonce" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedNonce_pkey" PRIMARY KEY ("key")
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

-- AddForeignKey
ALTER TABLE "IntegrationCertificate" ADD CONSTRAINT "IntegrationCertificate_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
