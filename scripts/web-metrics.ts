// `npm run web:metrics`: how small and fast the web client is. Builds it if
// needed, serves the demo from a throwaway SQLite file on a free loopback port,
// and measures (1) the gzipped size of the JS each entry loads — the public page
// and, on a budget of its own, the operator console — and (2) the
// Largest Contentful Paint of the demo page, median of 5 cold loads in Chromium
// (each in a fresh browser context: empty cache, no cookies, no open socket;
// the browser process itself is started once, as a viewer's already runs).
// Writes bench/results/web.json.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.js";
import { buildApp } from "../server/app.js";
import { ensureWebBuild } from "../server/http/web-build.js";
import { WEB_DIST } from "../server/http/web.js";
import { seedDemo } from "../server/seed/demo.js";
import { entryJsFiles, readManifest, WEB_ENTRIES } from "./web-entries.js";

const BUDGET = { jsGzipKiB: 100, consoleJsGzipKiB: 150, lcpMs: 1000 };
const RUNS = 5;
const RESULTS = fileURLToPath(new URL("../bench/results/web.json", import.meta.url));

interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

async function gzippedJs(files: string[]): Promise<JsFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const body = await readFile(join(WEB_DIST, file));
      return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    }),
  );
}

const kib = (bytes: number) => Number((bytes / 1024).toFixed(1));
const total = (files: JsFile[]) => files.reduce((sum, f) => sum + f.gzipBytes, 0);

/** LCP of one cold load: the last largest-contentful-paint entry once the page has settled. */
async function coldLcp(browser: Browser, url: string): Promise<{ lcpMs: number; element: string }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.locator("#overall-status").waitFor();
    return await page.evaluate(
      () =>
        new Promise<{ lcpMs: number; element: string }>((resolve) => {
          let last: (PerformanceEntry & { element?: Element | null }) | undefined;
          new PerformanceObserver((list) => void (last = list.getEntries().at(-1))).observe({ type: "largest-contentful-paint", buffered: true });
          // Let late paints (uptime, history) land; LCP stops counting at the first input anyway.
          setTimeout(() => {
            const element = last?.element;
            resolve({ lcpMs: last?.startTime ?? Number.NaN, element: element ? `${element.tagName.toLowerCase()}.${element.className}` : "?" });
          }, 1000);
        }),
    );
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await ensureWebBuild();
const dataDir = await mkdtemp(join(tmpdir(), "sg-metrics-"));
const app = await buildApp({ databaseUrl: `file:${join(dataDir, "metrics.db")}`, schedulerTimers: false });
try {
  await seedDemo(app);
  const origin = new URL(await app.start(0)).origin;
  const manifest = await readManifest(WEB_DIST);
  const js = await gzippedJs(entryJsFiles(manifest, WEB_ENTRIES.public));
  const jsGzipBytes = total(js);
  // Everything the console loads, the chunks it shares with the public page (React, urql) included.
  const consoleJs = await gzippedJs(entryJsFiles(manifest, WEB_ENTRIES.console));
  const consoleGzipBytes = total(consoleJs);
  const consoleOwnBytes = total(consoleJs.filter((f) => !js.some((p) => p.file === f.file)));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const runs: { lcpMs: number; element: string }[] = [];
  try {
    // One load first, not counted: it warms the server (JIT, database caches), not the browser.
    await coldLcp(browser, `${origin}/demo`);
    for (let i = 0; i < RUNS; i++) runs.push(await coldLcp(browser, `${origin}/demo`));
  } finally {
    await browser.close();
  }
  const lcpMs = Math.round(median(runs.map((r) => r.lcpMs)));
  const result = {
    measuredAt: new Date().toISOString(),
    js: { entry: WEB_ENTRIES.public, files: js, gzipBytes: jsGzipBytes, gzipKiB: kib(jsGzipBytes), budgetKiB: BUDGET.jsGzipKiB },
    consoleJs: {
      entry: WEB_ENTRIES.console,
      files: consoleJs,
      gzipBytes: consoleGzipBytes,
      gzipKiB: kib(consoleGzipBytes),
      /** What only the console loads; the rest is shared with (and cached from) the public page. */
      ownGzipKiB: kib(consoleOwnBytes),
      budgetKiB: BUDGET.consoleJsGzipKiB,
    },
    lcp: { medianMs: lcpMs, runsMs: runs.map((r) => Math.round(r.lcpMs)), element: runs.at(-1)?.element, budgetMs: BUDGET.lcpMs, page: "/demo" },
    withinBudget: jsGzipBytes <= BUDGET.jsGzipKiB * 1024 && consoleGzipBytes <= BUDGET.consoleJsGzipKiB * 1024 && lcpMs <= BUDGET.lcpMs,
    // LCP on a busy machine says more about the machine; keep the context with the figure.
    machine: { cpus: availableParallelism(), loadAverage1m: Number(loadavg()[0]!.toFixed(2)) },
  };
  await mkdir(join(RESULTS, ".."), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Public page JS (gzipped): ${result.js.gzipKiB} KiB of ${BUDGET.jsGzipKiB} KiB`);
  console.log(`Console JS (gzipped): ${result.consoleJs.gzipKiB} KiB of ${BUDGET.consoleJsGzipKiB} KiB (${result.consoleJs.ownGzipKiB} KiB its own)`);
  console.log(`LCP of /demo: ${lcpMs} ms median of ${RUNS} cold loads (${result.lcp.runsMs.join(", ")}) of ${BUDGET.lcpMs} ms`);
  console.log(`  on ${result.machine.cpus} CPUs with a load average of ${result.machine.loadAverage1m}`);
  console.log(result.withinBudget ? "Within budget." : "OVER BUDGET.");
  console.log(`Written to ${RESULTS}`);
  if (!result.withinBudget) process.exitCode = 1;
} finally {
  await app.stop();
  await rm(dataDir, { recursive: true, force: true });
}
