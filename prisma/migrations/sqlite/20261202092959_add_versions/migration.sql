-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CatalogType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "ranked" BOOLEAN NOT NULL DEFAULT false,
    "referenceByName" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT
);
INSERT INTO "new_CatalogType" ("categories", "createdAt", "description", "id", "name", "ranked", "referenceByName", "updatedAt") SELECT "categories", "createdAt", "description", "id", "name", "ranked", "referenceByName", "updatedAt" FROM "CatalogType";
DROP TABLE "CatalogType";
ALTER TABLE "new_CatalogType" RENAME TO "CatalogType";
CREATE UNIQUE INDEX "CatalogType_name_key" ON "CatalogType"("name");
CREATE TABLE "new_CatalogEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "typeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT,
    CONSTRAINT "CatalogEntry_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "CatalogType" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CatalogEntry" ("createdAt", "id", "name", "rank", "typeId", "updatedAt") SELECT "createdAt", "id", "name", "rank", "typeId", "updatedAt" FROM "CatalogEntry";
DROP TABLE "CatalogEntry";
ALTER TABLE "new_CatalogEntry" RENAME TO "CatalogEntry";
CREATE INDEX "CatalogEntry_typeId_rank_idx" ON "CatalogEntry"("typeId", "rank");
CREATE INDEX "CatalogEntry_typeId_name_idx" ON "CatalogEntry"("typeId", "name");
CREATE TABLE "new_StatusPage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "theme" TEXT NOT NULL DEFAULT 'LIGHT',
    "logoUrl" TEXT,
    "faviconUrl" TEXT,
    "customerTypeId" TEXT,
    "componentsAttributeId" TEXT,
    "domainsAttributeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT,
    CONSTRAINT "StatusPage_customerTypeId_fkey" FOREIGN KEY ("customerTypeId") REFERENCES "CatalogType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusPage_componentsAttributeId_fkey" FOREIGN KEY ("componentsAttributeId") REFERENCES "CatalogAttribute" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusPage_domainsAttributeId_fkey" FOREIGN KEY ("domainsAttributeId") REFERENCES "CatalogAttribute" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_StatusPage" ("componentsAttributeId", "createdAt", "customerTypeId", "domainsAttributeId", "faviconUrl", "id", "kind", "logoUrl", "slug", "theme", "title", "updatedAt") SELECT "componentsAttributeId", "createdAt", "customerTypeId", "domainsAttributeId", "faviconUrl", "id", "kind", "logoUrl", "slug", "theme", "title", "updatedAt" FROM "StatusPage";
DROP TABLE "StatusPage";
ALTER TABLE "new_StatusPage" RENAME TO "StatusPage";
CREATE UNIQUE INDEX "StatusPage_slug_key" ON "StatusPage"("slug");
CREATE TABLE "new_SubPage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT,
    CONSTRAINT "SubPage_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubPage_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CatalogEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SubPage" ("createdAt", "entryId", "id", "name", "pageId", "slug") SELECT "createdAt", "entryId", "id", "name", "pageId", "slug" FROM "SubPage";
DROP TABLE "SubPage";
ALTER TABLE "new_SubPage" RENAME TO "SubPage";
CREATE INDEX "SubPage_entryId_idx" ON "SubPage"("entryId");
CREATE UNIQUE INDEX "SubPage_pageId_slug_key" ON "SubPage"("pageId", "slug");
CREATE UNIQUE INDEX "SubPage_pageId_entryId_key" ON "SubPage"("pageId", "entryId");
CREATE TABLE "new_Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "publishedBy" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT,
    "lastSequence" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Incident_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Incident" ("id", "lastSequence", "name", "pageId", "publishedAt", "publishedBy", "resolvedAt", "status", "updatedAt") SELECT "id", "lastSequence", "name", "pageId", "publishedAt", "publishedBy", "resolvedAt", "status", "updatedAt" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE INDEX "Incident_pageId_status_idx" ON "Incident"("pageId", "status");
CREATE INDEX "Incident_pageId_publishedAt_id_idx" ON "Incident"("pageId", "publishedAt", "id");
CREATE TABLE "new_Maintenance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "autoUpdate" BOOLEAN NOT NULL DEFAULT true,
    "publishedAt" DATETIME NOT NULL,
    "publishedBy" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT,
    "lastSequence" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Maintenance_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Maintenance" ("autoUpdate", "endsAt", "id", "lastSequence", "name", "pageId", "publishedAt", "publishedBy", "startsAt", "status", "updatedAt") SELECT "autoUpdate", "endsAt", "id", "lastSequence", "name", "pageId", "publishedAt", "publishedBy", "startsAt", "status", "updatedAt" FROM "Maintenance";
DROP TABLE "Maintenance";
ALTER TABLE "new_Maintenance" RENAME TO "Maintenance";
CREATE INDEX "Maintenance_pageId_status_startsAt_idx" ON "Maintenance"("pageId", "status", "startsAt");
CREATE INDEX "Maintenance_status_autoUpdate_startsAt_idx" ON "Maintenance"("status", "autoUpdate", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

