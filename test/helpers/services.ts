// Reachability of what some tests need beyond Node: PostgreSQL, Redis, the
// redis-server binary. Locally such tests are skipped, saying why; under CI a
// missing service fails them, so a broken CI set-up never passes by skipping.
import { spawnSync } from "node:child_process";
import { Socket } from "node:net";
import pg from "pg";
import { describe, it } from "vitest";

export interface ServiceCheck {
  /** What it is and where it was looked for, e.g. "PostgreSQL at 127.0.0.1:5432". */
  what: string;
  available: boolean;
  /** Why not, when not. */
  reason?: string;
}

/** Where the tests that need PostgreSQL put their schemas (TEST_POSTGRES_URL when set). */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/statusgraph_test";
/** The shared Redis for tests that do not stop it. */
export const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const hostPort = (url: URL, port: string) => `${url.hostname}:${url.port || port}`;

/**
 * Connects to the server's `postgres` database (the test database may not exist
 * yet) and asks `SELECT 1`, within `timeoutMs`.
 */
export async function checkPostgres(url = POSTGRES_URL, timeoutMs = 2_000): Promise<ServiceCheck> {
  const target = new URL(url);
  const what = `PostgreSQL at ${hostPort(target, "5432")}`;
  target.pathname = "/postgres";
  target.search = "";
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { what, available: true };
  } catch (error) {
    return { what, available: false, reason: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Sends PING over a plain socket (no client that would retry), expecting +PONG within `timeoutMs`. */
export function checkRedis(url = REDIS_URL, timeoutMs = 2_000): Promise<ServiceCheck> {
  const target = new URL(url);
  const what = `Redis at ${hostPort(target, "6379")}`;
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (available: boolean, reason?: string) => {
      socket.destroy();
      resolve({ what, available, reason });
    };
    socket.setTimeout(timeoutMs, () => done(false, `no answer within ${timeoutMs} ms`));
    socket.once("error", (error) => done(false, error.message));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG"), `answered ${JSON.stringify(data.toString().trim())}`));
    socket.connect(Number(target.port || 6379), target.hostname, () => socket.write("PING\r\n"));
  });
}

/** The redis-server binary, for tests that start, kill and restart a Redis of their own. */
export function checkRedisServerBinary(): ServiceCheck {
  const run = spawnSync("redis-server", ["--version"], { encoding: "utf8", timeout: 5_000 });
  const available = run.status === 0;
  return { what: "the redis-server binary", available, reason: available ? undefined : (run.error?.message ?? run.stderr) };
}

/** True under CI (`CI` set to anything but "", "0" or "false"). */
export const underCi = () => !["", "0", "false"].includes((process.env.CI ?? "").toLowerCase());

/**
 * `describe(title, body)` when every check passed. Otherwise: under CI, one failing
 * test naming what is missing; locally, the suite skipped with the reason in its
 * title and printed once.
 */
export function describeWith(checks: ServiceCheck[], title: string, body: () => void): void {
  const missing = checks.filter((c) => !c.available);
  if (missing.length === 0) return void describe(title, body);
  const why = missing.map((c) => `${c.what} not reachable${c.reason ? ` (${c.reason})` : ""}`).join("; ");
  if (underCi()) {
    describe(title, () => {
      it("has the services it needs", () => {
        throw new Error(`${why}. CI must provide them (see .ci/run); these tests never skip under CI.`);
      });
    });
    return;
  }
  console.warn(`Skipped "${title}": ${why}. Start them to run these tests (CI fails instead of skipping).`);
  describe.skip(`${title} (skipped: ${why})`, body);
}
