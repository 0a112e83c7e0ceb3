-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'PUBLISHER', 'EDITOR', 'ADMIN');

-- AlterTable: existing keys keep what they could do (READ is VIEWER, PUBLISH is PUBLISHER, ADMIN stays ADMIN)
ALTER TABLE "ApiKey" ALTER COLUMN "scope" TYPE "Role" USING (
    CASE "scope"::text WHEN 'READ' THEN 'VIEWER' WHEN 'PUBLISH' THEN 'PUBLISHER' ELSE "scope"::text END
)::"Role";

-- DropEnum
DROP TYPE "ApiKeyScope";

-- CreateTable
CREATE TABLE "Operator" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "Operator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperatorSession" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "address" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "OperatorSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperatorSignInToken" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "OperatorSignInToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Operator_email_key" ON "Operator"("email");

-- CreateIndex
CREATE UNIQUE INDEX "OperatorSession_hash_key" ON "OperatorSession"("hash");

-- CreateIndex
CREATE INDEX "OperatorSession_operatorId_idx" ON "OperatorSession"("operatorId");

-- CreateIndex
CREATE UNIQUE INDEX "OperatorSignInToken_hash_key" ON "OperatorSignInToken"("hash");

-- CreateIndex
CREATE INDEX "OperatorSignInToken_operatorId_idx" ON "OperatorSignInToken"("operatorId");

-- AddForeignKey
ALTER TABLE "OperatorSession" ADD CONSTRAINT "OperatorSession_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperatorSignInToken" ADD CONSTRAINT "OperatorSignInToken_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

