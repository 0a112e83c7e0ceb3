-- Written by hand rather than as Prisma's table redefinition: adding columns with a
-- constant default needs no copy of the tables (and so no DROP of tables with children).

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "lastSequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "IncidentUpdate" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Maintenance" ADD COLUMN "lastSequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "MaintenanceUpdate" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "IncidentComponent" (
    "incidentId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,

    PRIMARY KEY ("incidentId", "componentId"),
    CONSTRAINT "IncidentComponent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncidentComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "CatalogEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Backfill: number existing updates in the order they were read as latest before
-- (publish time, then id), and list every component an incident's updates named.
UPDATE "IncidentUpdate" SET "sequence" = (
    SELECT COUNT(*) FROM "IncidentUpdate" AS u
    WHERE u."incidentId" = "IncidentUpdate"."incidentId"
      AND (u."publishedAt" < "IncidentUpdate"."publishedAt" OR (u."publishedAt" = "IncidentUpdate"."publishedAt" AND u."id" <= "IncidentUpdate"."id"))
);
UPDATE "Incident" SET "lastSequence" = (SELECT COALESCE(MAX(u."sequence"), 0) FROM "IncidentUpdate" AS u WHERE u."incidentId" = "Incident"."id");
UPDATE "MaintenanceUpdate" SET "sequence" = (
    SELECT COUNT(*) FROM "MaintenanceUpdate" AS u
    WHERE u."maintenanceId" = "MaintenanceUpdate"."maintenanceId"
      AND (u."publishedAt" < "MaintenanceUpdate"."publishedAt" OR (u."publishedAt" = "MaintenanceUpdate"."publishedAt" AND u."id" <= "MaintenanceUpdate"."id"))
);
UPDATE "Maintenance" SET "lastSequence" = (SELECT COALESCE(MAX(u."sequence"), 0) FROM "MaintenanceUpdate" AS u WHERE u."maintenanceId" = "Maintenance"."id");
INSERT INTO "IncidentComponent" ("incidentId", "componentId")
    SELECT DISTINCT u."incidentId", i."componentId" FROM "IncidentImpact" AS i JOIN "IncidentUpdate" AS u ON u."id" = i."updateId";

-- CreateIndex
CREATE INDEX "IncidentComponent_componentId_idx" ON "IncidentComponent"("componentId");
CREATE UNIQUE INDEX "IncidentUpdate_incidentId_sequence_key" ON "IncidentUpdate"("incidentId", "sequence");
CREATE UNIQUE INDEX "MaintenanceUpdate_maintenanceId_sequence_key" ON "MaintenanceUpdate"("maintenanceId", "sequence");
