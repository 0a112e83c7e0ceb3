// One real service instance for the scale tests, in a process of its own: the app
// as `npm start` builds it (DATABASE_URL and REDIS_URL from the environment, the
// maintenance scheduler on real timers), without the web build, demo seed or mail.
// Prints its GraphQL URL once listening. Stops on SIGTERM, and when its stdin
// closes, so a test runner that dies takes its instances with it.
// Run with `node --import tsx test/helpers/scale-instance.ts`.
import { buildApp } from "../../server/app.js";

const mailer = { sendSignInLink: async () => {}, close: () => {} };
const app = await buildApp({ mailer });
console.log(await app.start(Number(process.env.PORT ?? 0), "127.0.0.1"));

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  app.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("stopping:", error);
      process.exit(1);
    },
  );
}
process.once("SIGTERM", stop);
process.stdin.on("end", stop).resume();
