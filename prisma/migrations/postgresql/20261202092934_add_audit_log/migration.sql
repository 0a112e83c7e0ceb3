-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
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
    "outcome" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_objectType_objectId_at_idx" ON "AuditEntry"("objectType", "objectId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorKind_actorId_at_idx" ON "AuditEntry"("actorKind", "actorId", "at");

