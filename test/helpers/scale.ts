// Service instances in processes of their own, sharing nothing but one
// PostgreSQL schema and one Redis, as a scaled-out deployment runs them.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { createApiKey } from "../../server/auth/api-keys.js";
import type { Database } from "../../server/db/client.js";
import { freshSchemaUrl, openTestDatabase } from "./database.js";
import { POSTGRES_URL } from "./services.js";

export interface Readiness {
  status: number;
  body: { status: string; database: string; redis: string; detail?: { database?: string; redis?: string } };
}

export interface Instance {
  name: string;
  /** Its GraphQL endpoint (HTTP; WebSocket on the same path). */
  url: string;
  /** What it logged (the message of each JSON line on stdout) and wrote to stderr, line by line (also echoed, prefixed with the name). */
  logs: string[];
  /** Runs an operation with the admin key over HTTP; fails on GraphQL errors. */
  // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  ready(): Promise<Readiness>;
  alive(): boolean;
  stop(): Promise<void>;
}

export interface SharedDatabase {
  url: string;
  /** The test's own connection, to look at what the instances wrote. */
  database: Database;
  adminKey: string;
  /** Closes the connection and drops the schema; stop the instances first. */
  close(): Promise<void>;
}

/** A fresh schema in the test PostgreSQL database (created if missing), migrated, with an admin key. */
export async function sharedDatabase(): Promise<SharedDatabase> {
  const url = freshSchemaUrl(POSTGRES_URL);
  const database = await openTestDatabase(url);
  const { secret } = await createApiKey(database.db, { name: "scale-admin", scope: "ADMIN" }, new Date());
  return { url, database, adminKey: secret, close: () => database.close() };
}

const SCRIPT = new URL("./scale-instance.ts", import.meta.url).pathname;

/**
 * Starts test/helpers/scale-instance.ts with DATABASE_URL and REDIS_URL. Node runs
 * it directly (`--import tsx`, not `npx tsx`): one process per instance, so killing
 * it leaves no npx or tsx wrapper behind.
 */
export async function startInstance(name: string, env: { DATABASE_URL: string; REDIS_URL: string }, adminKey: string, timeoutMs = 45_000): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT], { env: { ...process.env, ...env, PORT: "0" }, stdio: ["pipe", "pipe", "pipe"] });
  const logs: string[] = [];
  // Its stdout carries its URL once listening, and its log as JSON lines.
  let listening = (_url: string) => {};
  const listened = new Promise<string>((resolve) => (listening = resolve));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (/^https?:\/\//.test(line)) return listening(line);
    let message = line;
    try {
      message = String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
    } catch {
      // Not a log line: kept as it is.
    }
    logs.push(message);
    process.stderr.write(`[${name}] ${message}\n`);
  });
  createInterface({ input: child.stderr! }).on("line", (line) => {
    logs.push(line);
    process.stderr.write(`[${name}] ${line}\n`);
  });
  const exited = once(child, "exit");
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin!.end();
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  let timer: NodeJS.Timeout | undefined;
  const url = await Promise.race([
    listened,
    exited.then(([code]) => Promise.reject(new Error(`${name} exited (${String(code)}) before listening:\n${logs.join("\n")}`))),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name} did not listen within ${timeoutMs} ms`)), timeoutMs))),
  ]).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  clearTimeout(timer);
  const origin = new URL(url).origin;
  return {
    name,
    url,
    logs,
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const result = (await res.json()) as { data?: T; errors?: unknown[] };
      if (result.errors?.length) throw new Error(`${name}: GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async ready() {
      const res = await fetch(`${origin}/health/ready`);
      return { status: res.status, body: (await res.json()) as Readiness["body"] };
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    stop,
  };
}

/** Starts instances side by side; when one fails, stops the others before failing (afterAll never sees them). */
export async function startInstances(names: string[], env: { DATABASE_URL: string; REDIS_URL: string }, adminKey: string): Promise<Instance[]> {
  const results = await Promise.allSettled(names.map((name) => startInstance(name, env, adminKey)));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  if (!failure) return started;
  await Promise.all(started.map((i) => i.stop()));
  throw failure.reason;
}

/** How many connections are subscribed to `channel`: proof an instance listens before a test publishes. */
export async function subscriberCount(redisUrl: string, channel: string): Promise<number> {
  const client = new Redis(redisUrl, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    const [, count] = (await client.pubsub("NUMSUB", channel)) as [string, number];
    return Number(count);
  } finally {
    client.disconnect();
  }
}

/** Polls an async condition until it holds. */
export async function eventually(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A GraphQL answer as a test reads it: its data, and its errors' codes. */
export interface Answer<T> {
  data?: T;
  errors?: { extensions?: { code?: string } }[];
}

/** Runs `query` by GET on `instance` (the way pages read, so what it keeps in memory may answer), as `authorization` when given. */
export async function readOn<T>(instance: Instance, query: string, variables: Record<string, unknown>, authorization?: string): Promise<Answer<T>> {
  const url = new URL(instance.url);
  url.searchParams.set("query", query);
  url.searchParams.set("variables", JSON.stringify(variables));
  const res = await fetch(url, { headers: { accept: "application/json", ...(authorization ? { authorization } : {}) } });
  return (await res.json()) as Answer<T>;
}
