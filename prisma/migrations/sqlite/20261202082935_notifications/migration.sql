-- CreateTable
CREATE TABLE "EmailSubscriber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "subPageId" TEXT,
    "scope" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "componentIds" TEXT NOT NULL DEFAULT '[]',
    "linkSecret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    CONSTRAINT "EmailSubscriber_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EmailSubscriber_subPageId_fkey" FOREIGN KEY ("subPageId") REFERENCES "SubPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubscriptionConfirmation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hash" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "SubscriptionConfirmation_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "EmailSubscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "componentIds" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "fannedOutAt" DATETIME
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "recipientKind" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "idempotencyId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "NotificationDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NotificationEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailSubscriber_linkSecret_key" ON "EmailSubscriber"("linkSecret");

-- CreateIndex
CREATE INDEX "EmailSubscriber_pageId_confirmedAt_idx" ON "EmailSubscriber"("pageId", "confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailSubscriber_pageId_scope_email_key" ON "EmailSubscriber"("pageId", "scope", "email");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionConfirmation_hash_key" ON "SubscriptionConfirmation"("hash");

-- CreateIndex
CREATE INDEX "SubscriptionConfirmation_subscriberId_idx" ON "SubscriptionConfirmation"("subscriberId");

-- CreateIndex
CREATE INDEX "NotificationEvent_fannedOutAt_createdAt_idx" ON "NotificationEvent"("fannedOutAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_idempotencyId_key" ON "NotificationDelivery"("idempotencyId");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_nextAttemptAt_idx" ON "NotificationDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_eventId_recipientId_key" ON "NotificationDelivery"("eventId", "recipientId");

