// Builds the web client with Vite's JS API when dist/web is missing or, on request,
// older than its sources. `npm install` builds it (scripts/build-web.ts), so `npm start`
// only rebuilds after web/ changed (e.g. a `git pull`); a build peaks at several
// hundred MB, which a start should not need. Vite is a development dependency:
// without it the API still serves.
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WEB_DIST } from "./web.js";
import { defaultLogger } from "../logger.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCES = [join(ROOT, "web"), join(ROOT, "vite.config.ts"), fileURLToPath(import.meta.url)];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((e) => newestMtime(join(path, e))));
  return Math.max(info.mtimeMs, ...times);
}

async function isStale(): Promise<boolean> {
  const built = await stat(join(WEB_DIST, "index.html")).catch(() => null);
  if (!built) return true;
  const sources = Math.max(...(await Promise.all(SOURCES.map(newestMtime))));
  return sources > built.mtimeMs;
}

export interface EnsureWebBuildOptions {
  /** Rebuild also when a source under web/ is newer than the build. */
  rebuildIfStale?: boolean;
  /** Where progress goes; default the service's logger. */
  log?: (line: string) => void;
}

const needsBuild = async (rebuildIfStale: boolean) => !existsSync(join(WEB_DIST, "index.html")) || (rebuildIfStale && (await isStale()));

/** Resolves true when dist/web is there (built now or before), false when it could not be built. */
export async function ensureWebBuild(options: EnsureWebBuildOptions = {}): Promise<boolean> {
  const log = options.log ?? ((line: string) => defaultLogger().info(line));
  const rebuildIfStale = options.rebuildIfStale ?? false;
  if (!(await needsBuild(rebuildIfStale))) return true;
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    log("The web client is not built and Vite is not installed; serving the API only (run `npm run build`).");
    return existsSync(join(WEB_DIST, "index.html"));
  }
  // Parallel test files: one builds, the others wait and then find it fresh.
  return withLock(async () => {
    if (!(await needsBuild(rebuildIfStale))) return true;
    log("Building the web client…");
    // Built beside the live directory and swapped in, so a running server never serves a half-written one.
    const staging = `${WEB_DIST.replace(/\/$/, "")}.${process.pid}.${Date.now()}`;
    // Under vitest NODE_ENV is "test", and Vite and the React plugin would then
    // ship React's development build; this build is for production whoever runs it.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await vite.build({ configFile: join(ROOT, "vite.config.ts"), mode: "production", logLevel: "warn", build: { outDir: staging, emptyOutDir: true } });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    const old = `${staging}.old`;
    await rename(WEB_DIST, old).catch(() => undefined);
    await rename(staging, WEB_DIST);
    await rm(old, { recursive: true, force: true });
    return true;
  });
}

const LOCK = `${WEB_DIST.replace(/\/$/, "")}.lock`;
const STALE_LOCK_MS = 5 * 60_000;

/** A directory as a lock: mkdir is atomic; one left behind by a crashed builder expires. */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(join(WEB_DIST, ".."), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const held = await stat(LOCK).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
