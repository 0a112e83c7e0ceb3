// The console in a real browser: the demo app on a free port (fresh SQLite, demo
// seeded, mail through an in-process SMTP server), operators of any role with a
// live session, and Chromium opened at a /console path with their cookie set.
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startOperatorSession } from "../../server/auth/operator-sessions.js";
import { createOperator } from "../../server/auth/operators.js";
import type { Role } from "../../server/auth/roles.js";
import type { AppOptions } from "../../server/app.js";
import { startSmtp, type TestSmtp } from "../auth/smtp.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.js";
import { startDemoServer, type AxeViolation, type DemoServer } from "../web/browser.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/console/", import.meta.url));

/** An operator with a live session: their account and the `sg_operator` cookie's value. */
export interface SignedInOperator {
  id: string;
  email: string;
  name: string;
  role: Role;
  cookie: string;
}

/** How openConsole opens a browser context. */
export interface OpenConsoleOptions {
  role?: Role;
  as?: SignedInOperator;
  timezoneId?: string;
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
  /** Where the browser reaches the server (e.g. a relay in front of it); the server's own origin unless told. */
  origin?: string;
}

export interface ConsoleHarness {
  server: DemoServer;
  smtp: TestSmtp;
  /** Origin of the running server, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Creates an operator of `role` (named after it unless told) and starts their session. */
  operator(role: Role, name?: string): Promise<SignedInOperator>;
  /**
   * A fresh browser context at `path` (e.g. "/console"), signed in as a new operator of `role`, or as `as`; signed out with neither.
   * In New York unless `timezoneId` says otherwise; 1200×900 unless `viewport` says otherwise; `colorScheme` sets the
   * emulated prefers-color-scheme (Chromium's default, light, when absent).
   */
  openConsole(path: string, options?: OpenConsoleOptions): Promise<Page>;
  close(): Promise<void>;
}

let operators = 0;

/** Starts the app and a browser; `options` go to the app. */
export async function startConsoleHarness(options: AppOptions = {}): Promise<ConsoleHarness> {
  const smtp = await startSmtp();
  const server = await startDemoServer({ mailer: smtp.mailer, publicUrl: null, ...options });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const db = server.app.database.db;

  const operator = async (role: Role, name = `${role[0]}${role.slice(1).toLowerCase()} operator`): Promise<SignedInOperator> => {
    const email = `${role.toLowerCase()}-${++operators}@ops.example`;
    const account = await createOperator(db, { email, name, role }, server.app.now());
    const { secret } = await startOperatorSession(db, account.id, { address: null, userAgent: null }, server.app.now());
    return { id: account.id, email, name, role, cookie: secret };
  };

  const openConsole: ConsoleHarness["openConsole"] = async (path, options = {}) => {
    const { role, as, timezoneId = "America/New_York", viewport = { width: 1200, height: 900 }, colorScheme, origin = server.origin } = options;
    const context = await browser.newContext({ viewport, timezoneId, locale: "en-US", ...(colorScheme ? { colorScheme } : {}) });
    contexts.push(context);
    const who = as ?? (role ? await operator(role) : null);
    if (who) await context.addCookies([{ name: "sg_operator", value: who.cookie, url: origin, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    return page;
  };

  return {
    server,
    smtp,
    origin: server.origin,
    operator,
    openConsole,
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.close();
      await smtp.close();
    },
  };
}

/**
 * The test file's harness: started before its tests (before the file's own `beforeAll`
 * hooks, which may use it) and closed after them. Use it inside tests and hooks only.
 */
export function useConsoleHarness(options: AppOptions = {}): ConsoleHarness {
  let started: ConsoleHarness | undefined;
  beforeAll(async () => {
    started = await startConsoleHarness(options);
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  const harness = () => {
    if (!started) throw new Error("the console harness is used before it started, or after it closed");
    return started;
  };
  return {
    get server() {
      return harness().server;
    },
    get smtp() {
      return harness().smtp;
    },
    get origin() {
      return harness().origin;
    },
    operator: (role, name) => harness().operator(role, name),
    openConsole: (path, openOptions) => harness().openConsole(path, openOptions),
    close: () => harness().close(),
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Fails the test on any axe-core violation (of any impact) of the page as it is now. */
export async function checkA11y(page: Page): Promise<void> {
  // Evaluated through DevTools rather than a script tag, so the page's CSP stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
  expect(violations).toEqual([]);
}

/** Writes a full-page screenshot to test/artifacts/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The texts of the page's live regions, where drag and drop announces each step. */
export const liveAnnouncements = (page: Page) => page.locator("[aria-live]").allTextContents();

/**
 * Presses Space on the focused drag handle of `name` and waits until the move has begun and
 * the arrow keys work: dnd-kit listens for them from a timer it sets on pick-up, so a timer
 * set after the announcement runs after it.
 */
export async function pickUpWithKeyboard(page: Page, name: string): Promise<void> {
  await page.keyboard.press("Space");
  await expect.poll(() => liveAnnouncements(page)).toContainEqual(expect.stringMatching(new RegExp(`^(Picked up ${name}|${name} is over)`)));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
