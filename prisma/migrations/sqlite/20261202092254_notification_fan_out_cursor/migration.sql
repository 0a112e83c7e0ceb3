-- AlterTable
ALTER TABLE "NotificationEvent" ADD COLUMN "fanOutCursor" TEXT;

