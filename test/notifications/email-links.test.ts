// One notification to many subscribers is rendered once, yet each message carries its
// own subscriber's manage and unsubscribe links, in both parts and the header.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";
import { createMailTransport } from "../../server/notifications/transport.js";
import { startSmtp, type TestSmtp } from "../auth/smtp.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident } from "../helpers/fixtures.js";
import { decoded, header } from "./mail.js";

const clock = testClock("2030-06-01T09:00:00Z");
let t: TestApp;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  const mailTransport = createMailTransport({ smtpUrl: smtp.url, from: "Status <status@example.com>", log: createLogger({ level: "silent" }) });
  t = await createTestApp({ now: clock.now, mailTransport, publicUrl: "https://status.example.com" });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

it("gives every subscriber their own links", async () => {
  const [component] = await createComponents(t, ["API"]);
  const page = await createPage(t, [component!]);
  const secrets = Array.from({ length: 5 }, (_, i) => `sg_sub_${String(i).padStart(43, "k")}`);
  await t.app.database.db.emailSubscriber.createMany({
    data: secrets.map((linkSecret, i) => ({
      pageId: page.id,
      scope: "",
      email: `s${i}@example.com`,
      linkSecret,
      createdAt: clock.now(),
      confirmedAt: clock.now(),
    })),
  });
  await publishIncident(t, page.id, [{ componentId: component!, impact: "FULL_OUTAGE" }], { name: "Links" });
  await t.app.notifications.tick();
  for (const [i, secret] of secrets.entries()) {
    const message = await smtp.waitForMail(`s${i}@example.com`);
    const body = decoded(message);
    expect(header(message, "List-Unsubscribe")).toBe(`<https://status.example.com/subscriptions/unsubscribe?token=${secret}>`);
    expect(body).toContain(`https://status.example.com/subscriptions/manage?token=${secret}`);
    const others = secrets.filter((s) => s !== secret);
    for (const other of others) expect(body).not.toContain(other);
    expect(body).not.toMatch(/SGLINKSECRET/);
  }
});
