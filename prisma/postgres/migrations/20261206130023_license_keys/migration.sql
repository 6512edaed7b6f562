-- AlterTable
ALTER TABLE "License" ADD COLUMN     "activationCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "activationLimit" INTEGER,
ADD COLUMN     "keyDigest" TEXT,
ADD COLUMN     "licenseKey" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "activationLimit" INTEGER,
ADD COLUMN     "licenseKeys" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "LicenseActivation" (
    "id" SERIAL NOT NULL,
    "instanceId" TEXT NOT NULL,
    "licenseId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "deactivatedAt" TIMESTAMP(3),
    "deactivatedBy" TEXT,

    CONSTRAINT "LicenseActivation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LicenseActivation_instanceId_key" ON "LicenseActivation"("instanceId");

-- CreateIndex
CREATE INDEX "LicenseActivation_licenseId_idx" ON "LicenseActivation"("licenseId");

-- CreateIndex
CREATE UNIQUE INDEX "License_keyDigest_key" ON "License"("keyDigest");

-- AddForeignKey
ALTER TABLE "LicenseActivation" ADD CONSTRAINT "LicenseActivation_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
