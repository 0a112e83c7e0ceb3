-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "operation" TEXT NOT NULL,
    "objectType" TEXT,
    "objectId" TEXT,
    "summary" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "address" TEXT,
    "outcome" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_objectType_objectId_at_idx" ON "AuditEntry"("objectType", "objectId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorKind_actorId_at_idx" ON "AuditEntry"("actorKind", "actorId", "at");

