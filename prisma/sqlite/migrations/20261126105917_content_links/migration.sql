-- CreateTable
CREATE TABLE "Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "teaser" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "contentId" TEXT,
    "free" BOOLEAN NOT NULL DEFAULT false,
    "linkDays" INTEGER NOT NULL DEFAULT 30,
    "productId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pass" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "termDays" INTEGER NOT NULL DEFAULT 30,
    "productId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pass_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PassArticle" (
    "passId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,

    PRIMARY KEY ("passId", "articleId"),
    CONSTRAINT "PassArticle_passId_fkey" FOREIGN KEY ("passId") REFERENCES "Pass" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PassArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccessGrant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "orderItemId" INTEGER NOT NULL,
    "articleId" INTEGER,
    "passId" INTEGER,
    "validUntil" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "AccessGrant_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_passId_fkey" FOREIGN KEY ("passId") REFERENCES "Pass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentId_key" ON "Article"("contentId");

-- CreateIndex
CREATE UNIQUE INDEX "Article_productId_key" ON "Article"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "Pass_slug_key" ON "Pass"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Pass_productId_key" ON "Pass"("productId");

-- CreateIndex
CREATE INDEX "PassArticle_articleId_idx" ON "PassArticle"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessGrant_orderItemId_key" ON "AccessGrant"("orderItemId");

-- CreateIndex
CREATE INDEX "AccessGrant_orderId_idx" ON "AccessGrant"("orderId");
