// Service instances in processes of their own (test/helpers/notify-instance.ts), for the
// exactly-once tests: started on a shared database, killed by the test or at its end.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const INSTANCE = fileURLToPath(new URL("./notify-instance.ts", import.meta.url));
const children: ChildProcess[] = [];

/** Starts an instance with `env` added; resolves once it listens. */
export async function startNotifyInstance(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", INSTANCE], {
    env: { ...process.env, LOG_LEVEL: "error", MAIL_FROM: "Status <status@example.com>", PUBLIC_URL: "https://status.example.com", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return child;
}

/** SIGKILLs every instance still running (afterEach). */
export function killNotifyInstances(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
}
