-- AlterTable
ALTER TABLE "FileSource" ADD COLUMN "uploadedName" TEXT;
ALTER TABLE "FileSource" ADD COLUMN "uploadedType" TEXT;

-- Existing uploads that are the current source: remember their own name and type.
UPDATE "FileSource" SET "uploadedName" = "fileName", "uploadedType" = "contentType" WHERE "storedName" IS NOT NULL AND "kind" = 'local';
