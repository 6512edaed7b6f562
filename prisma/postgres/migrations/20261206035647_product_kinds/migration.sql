-- Product kinds become a closed type: digital -> download, content -> article or pass
-- (whichever the product sells). Rows are converted in place, nothing is dropped.
UPDATE "Product" SET "kind" = CASE
  WHEN "kind" = 'digital' THEN 'download'
  WHEN "kind" = 'content' AND EXISTS (SELECT 1 FROM "Pass" p WHERE p."productId" = "Product"."id") THEN 'pass'
  WHEN "kind" = 'content' THEN 'article'
  ELSE "kind" END;

-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('physical', 'download', 'article', 'pass');

-- AlterTable
ALTER TABLE "Product" ALTER COLUMN "kind" TYPE "ProductKind" USING ("kind"::"ProductKind");

-- AlterTable: a line taken back stops its grant minting links.
ALTER TABLE "AccessGrant" ADD COLUMN     "revokedAt" TIMESTAMP(3);
