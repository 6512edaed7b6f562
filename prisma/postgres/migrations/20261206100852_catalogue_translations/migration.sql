-- CreateTable
CREATE TABLE "ProductText" (
    "id" SERIAL NOT NULL,
    "productId" INTEGER NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT,
    "summary" TEXT,
    "description" TEXT,

    CONSTRAINT "ProductText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleText" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT,
    "teaser" TEXT,

    CONSTRAINT "ArticleText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductText_productId_locale_key" ON "ProductText"("productId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleText_articleId_locale_key" ON "ArticleText"("articleId", "locale");

-- AddForeignKey
ALTER TABLE "ProductText" ADD CONSTRAINT "ProductText_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleText" ADD CONSTRAINT "ArticleText_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
