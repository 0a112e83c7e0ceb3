-- CreateTable
CREATE TABLE "CatalogType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "ranked" BOOLEAN NOT NULL DEFAULT false,
    "referenceByName" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CatalogAttribute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "typeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "referencedTypeId" TEXT,
    "position" INTEGER NOT NULL,
    CONSTRAINT "CatalogAttribute_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "CatalogType" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CatalogAttribute_referencedTypeId_fkey" FOREIGN KEY ("referencedTypeId") REFERENCES "CatalogType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CatalogEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "typeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CatalogEntry_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "CatalogType" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CatalogValue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT,
    "referencedEntryId" TEXT,
    CONSTRAINT "CatalogValue_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CatalogEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CatalogValue_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "CatalogAttribute" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CatalogValue_referencedEntryId_fkey" FOREIGN KEY ("referencedEntryId") REFERENCES "CatalogEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusPage" (
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
    CONSTRAINT "StatusPage_customerTypeId_fkey" FOREIGN KEY ("customerTypeId") REFERENCES "CatalogType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusPage_componentsAttributeId_fkey" FOREIGN KEY ("componentsAttributeId") REFERENCES "CatalogAttribute" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusPage_domainsAttributeId_fkey" FOREIGN KEY ("domainsAttributeId") REFERENCES "CatalogAttribute" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PageGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "PageGroup_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PageComponent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "groupId" TEXT,
    "position" INTEGER NOT NULL,
    CONSTRAINT "PageComponent_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PageComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "CatalogEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PageComponent_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PageGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubPage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SubPage_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubPage_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CatalogEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "publishedBy" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Incident_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedBy" TEXT,
    CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentImpact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "updateId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    CONSTRAINT "IncidentImpact_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "IncidentUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncidentImpact_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "CatalogEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Maintenance" (
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
    CONSTRAINT "Maintenance_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintenanceComponent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "maintenanceId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    CONSTRAINT "MaintenanceComponent_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MaintenanceComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "CatalogEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintenanceUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "maintenanceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedBy" TEXT,
    CONSTRAINT "MaintenanceUpdate_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SignInToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "SignInToken_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ViewerSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "ViewerSession_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogType_name_key" ON "CatalogType"("name");

-- CreateIndex
CREATE INDEX "CatalogAttribute_referencedTypeId_idx" ON "CatalogAttribute"("referencedTypeId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogAttribute_typeId_name_key" ON "CatalogAttribute"("typeId", "name");

-- CreateIndex
CREATE INDEX "CatalogEntry_typeId_rank_idx" ON "CatalogEntry"("typeId", "rank");

-- CreateIndex
CREATE INDEX "CatalogEntry_typeId_name_idx" ON "CatalogEntry"("typeId", "name");

-- CreateIndex
CREATE INDEX "CatalogValue_entryId_attributeId_position_idx" ON "CatalogValue"("entryId", "attributeId", "position");

-- CreateIndex
CREATE INDEX "CatalogValue_referencedEntryId_idx" ON "CatalogValue"("referencedEntryId");

-- CreateIndex
CREATE INDEX "CatalogValue_attributeId_idx" ON "CatalogValue"("attributeId");

-- CreateIndex
CREATE UNIQUE INDEX "StatusPage_slug_key" ON "StatusPage"("slug");

-- CreateIndex
CREATE INDEX "PageGroup_pageId_position_idx" ON "PageGroup"("pageId", "position");

-- CreateIndex
CREATE INDEX "PageComponent_pageId_position_idx" ON "PageComponent"("pageId", "position");

-- CreateIndex
CREATE INDEX "PageComponent_componentId_idx" ON "PageComponent"("componentId");

-- CreateIndex
CREATE UNIQUE INDEX "PageComponent_pageId_componentId_key" ON "PageComponent"("pageId", "componentId");

-- CreateIndex
CREATE INDEX "SubPage_entryId_idx" ON "SubPage"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "SubPage_pageId_slug_key" ON "SubPage"("pageId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "SubPage_pageId_entryId_key" ON "SubPage"("pageId", "entryId");

-- CreateIndex
CREATE INDEX "Incident_pageId_status_idx" ON "Incident"("pageId", "status");

-- CreateIndex
CREATE INDEX "Incident_pageId_publishedAt_id_idx" ON "Incident"("pageId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "IncidentUpdate_incidentId_publishedAt_idx" ON "IncidentUpdate"("incidentId", "publishedAt");

-- CreateIndex
CREATE INDEX "IncidentImpact_componentId_idx" ON "IncidentImpact"("componentId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentImpact_updateId_componentId_key" ON "IncidentImpact"("updateId", "componentId");

-- CreateIndex
CREATE INDEX "Maintenance_pageId_status_startsAt_idx" ON "Maintenance"("pageId", "status", "startsAt");

-- CreateIndex
CREATE INDEX "Maintenance_status_autoUpdate_startsAt_idx" ON "Maintenance"("status", "autoUpdate", "startsAt");

-- CreateIndex
CREATE INDEX "MaintenanceComponent_componentId_idx" ON "MaintenanceComponent"("componentId");

-- CreateIndex
CREATE UNIQUE INDEX "MaintenanceComponent_maintenanceId_componentId_key" ON "MaintenanceComponent"("maintenanceId", "componentId");

-- CreateIndex
CREATE INDEX "MaintenanceUpdate_maintenanceId_publishedAt_idx" ON "MaintenanceUpdate"("maintenanceId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_name_key" ON "ApiKey"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "SignInToken_hash_key" ON "SignInToken"("hash");

-- CreateIndex
CREATE INDEX "SignInToken_email_createdAt_idx" ON "SignInToken"("email", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ViewerSession_hash_key" ON "ViewerSession"("hash");

