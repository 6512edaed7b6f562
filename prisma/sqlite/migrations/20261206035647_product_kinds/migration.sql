-- Product kinds become a closed type: digital -> download, content -> article or pass
-- (whichever the product sells). Rows are converted in place, nothing is dropped.
UPDATE "Product" SET "kind" = CASE
  WHEN "kind" = 'digital' THEN 'download'
  WHEN "kind" = 'content' AND EXISTS (SELECT 1 FROM "Pass" p WHERE p."productId" = "Product"."id") THEN 'pass'
  WHEN "kind" = 'content' THEN 'article'
  ELSE "kind" END;

-- SQLite has no enum type: the column is checked by triggers (a CHECK would rebuild the table).
CREATE TRIGGER "Product_kind_insert" BEFORE INSERT ON "Product"
WHEN NEW."kind" NOT IN ('physical', 'download', 'article', 'pass')
BEGIN SELECT RAISE(ABORT, 'Product.kind must be physical, download, article or pass'); END;

CREATE TRIGGER "Product_kind_update" BEFORE UPDATE OF "kind" ON "Product"
WHEN NEW."kind" NOT IN ('physical', 'download', 'article', 'pass')
BEGIN SELECT RAISE(ABORT, 'Product.kind must be physical, download, article or pass'); END;

-- AlterTable: a line taken back stops its grant minting links.
ALTER TABLE "AccessGrant" ADD COLUMN "revokedAt" DATETIME;
