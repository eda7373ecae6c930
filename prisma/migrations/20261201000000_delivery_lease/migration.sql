-- An email attempt holds its delivery until "sendingUntil" (lib/delivery/email-job.ts).
ALTER TABLE "Delivery" ADD COLUMN     "sendingUntil" TIMESTAMP(3);
