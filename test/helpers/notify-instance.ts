// One service instance in a process of its own, for the notification tests: the app on
// DATABASE_URL (and REDIS_URL when set), its notification worker on real timers sending
// one message at a time through SMTP_URL, with a lease of NOTIFY_LEASE_MS. Prints its
// GraphQL URL once listening; a test may SIGKILL it mid-delivery.
// Run with `node --import tsx test/helpers/notify-instance.ts`.
import { buildApp } from "../../server/app.js";

const mailer = { sendSignInLink: async () => {}, close: () => {} };
const leaseMs = Number(process.env.NOTIFY_LEASE_MS) || 1_500;
const app = await buildApp({ mailer, notifications: { leaseMs, pollMs: 200, concurrency: 1 } });
console.log(await app.start(0, "127.0.0.1"));
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
process.stdin.on("end", () => void app.stop().then(() => process.exit(0))).resume();
