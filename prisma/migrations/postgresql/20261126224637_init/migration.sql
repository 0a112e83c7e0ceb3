-- CreateEnum
CREATE TYPE "AttributeKind" AS ENUM ('TEXT', 'EMAIL_DOMAIN', 'REFERENCE');

-- CreateEnum
CREATE TYPE "PageKind" AS ENUM ('PUBLIC', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "Theme" AS ENUM ('DARK', 'LIGHT');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED');

-- CreateEnum
CREATE TYPE "IncidentImpactLevel" AS ENUM ('NO_IMPACT', 'DEGRADED_PERFORMANCE', 'PARTIAL_OUTAGE', 'FULL_OUTAGE');

-- CreateEnum
CREATE TYPE "MaintenanceStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'COMPLETE');

-- CreateEnum
CREATE TYPE "MaintenanceImpactLevel" AS ENUM ('NO_IMPACT', 'UNDER_MAINTENANCE');

-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('READ', 'PUBLISH', 'ADMIN');

-- CreateTable
CREATE TABLE "CatalogType" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "ranked" BOOLEAN NOT NULL DEFAULT false,
    "referenceByName" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogAttribute" (
    "id" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AttributeKind" NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "referencedTypeId" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CatalogAttribute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogEntry" (
    "id" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogValue" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT,
    "referencedEntryId" TEXT,

    CONSTRAINT "CatalogValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusPage" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "PageKind" NOT NULL,
    "theme" "Theme" NOT NULL DEFAULT 'LIGHT',
    "logoUrl" TEXT,
    "faviconUrl" TEXT,
    "customerTypeId" TEXT,
    "componentsAttributeId" TEXT,
    "domainsAttributeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageGroup" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PageGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageComponent" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "groupId" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PageComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubPage" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "IncidentStatus" NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "publishedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "status" "IncidentStatus" NOT NULL,
    "message" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedBy" TEXT,

    CONSTRAINT "IncidentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentImpact" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "impact" "IncidentImpactLevel" NOT NULL,

    CONSTRAINT "IncidentImpact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Maintenance" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "MaintenanceStatus" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "autoUpdate" BOOLEAN NOT NULL DEFAULT true,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Maintenance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceComponent" (
    "id" TEXT NOT NULL,
    "maintenanceId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "impact" "MaintenanceImpactLevel" NOT NULL,

    CONSTRAINT "MaintenanceComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceUpdate" (
    "id" TEXT NOT NULL,
    "maintenanceId" TEXT NOT NULL,
    "status" "MaintenanceStatus" NOT NULL,
    "message" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedBy" TEXT,

    CONSTRAINT "MaintenanceUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ApiKeyScope" NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInToken" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SignInToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ViewerSession" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ViewerSession_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CatalogAttribute" ADD CONSTRAINT "CatalogAttribute_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "CatalogType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogAttribute" ADD CONSTRAINT "CatalogAttribute_referencedTypeId_fkey" FOREIGN KEY ("referencedTypeId") REFERENCES "CatalogType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogEntry" ADD CONSTRAINT "CatalogEntry_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "CatalogType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogValue" ADD CONSTRAINT "CatalogValue_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CatalogEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogValue" ADD CONSTRAINT "CatalogValue_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "CatalogAttribute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogValue" ADD CONSTRAINT "CatalogValue_referencedEntryId_fkey" FOREIGN KEY ("referencedEntryId") REFERENCES "CatalogEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPage" ADD CONSTRAINT "StatusPage_customerTypeId_fkey" FOREIGN KEY ("customerTypeId") REFERENCES "CatalogType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPage" ADD CONSTRAINT "StatusPage_componentsAttributeId_fkey" FOREIGN KEY ("componentsAttributeId") REFERENCES "CatalogAttribute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPage" ADD CONSTRAINT "StatusPage_domainsAttributeId_fkey" FOREIGN KEY ("domainsAttributeId") REFERENCES "CatalogAttribute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageGroup" ADD CONSTRAINT "PageGroup_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageComponent" ADD CONSTRAINT "PageComponent_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageComponent" ADD CONSTRAINT "PageComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "CatalogEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageComponent" ADD CONSTRAINT "PageComponent_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PageGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubPage" ADD CONSTRAINT "SubPage_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubPage" ADD CONSTRAINT "SubPage_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CatalogEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentImpact" ADD CONSTRAINT "IncidentImpact_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "IncidentUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentImpact" ADD CONSTRAINT "IncidentImpact_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "CatalogEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Maintenance" ADD CONSTRAINT "Maintenance_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceComponent" ADD CONSTRAINT "MaintenanceComponent_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceComponent" ADD CONSTRAINT "MaintenanceComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "CatalogEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceUpdate" ADD CONSTRAINT "MaintenanceUpdate_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInToken" ADD CONSTRAINT "SignInToken_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ViewerSession" ADD CONSTRAINT "ViewerSession_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

