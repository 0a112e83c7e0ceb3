// Browser-test plumbing: a fresh web build when sources changed, the demo app
// on a free port, and Debian's Chromium driven by playwright-core.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.js";
import { ensureWebBuild } from "../../server/http/web-build.js";
import { seedDemo } from "../../server/seed/demo.js";
import type { AppOptions } from "../../server/app.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

export interface DemoServer extends TestApp {
  /** Origin of the running server, e.g. http://127.0.0.1:41234 */
  origin: string;
}

/** Builds the client if needed, then starts the app with the demo seeded. */
export async function startDemoServer(options: AppOptions = {}): Promise<DemoServer> {
  await ensureWebBuild({ rebuildIfStale: true, log: () => {} });
  const t = await createTestApp(options);
  await seedDemo(t.app);
  const url = await t.app.start(0);
  return { ...t, origin: new URL(url).origin };
}

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A cold browser with its own profile directory, removed on close; viewers in New York unless told otherwise. */
export async function launchBrowser(options: { timezoneId?: string; locale?: string } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "sg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    timezoneId: options.timezoneId ?? "America/New_York",
    locale: options.locale ?? "en-US",
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools rather than a script tag, so the page's CSP stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
