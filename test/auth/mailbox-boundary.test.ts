// The sign-in boundary seen from the mail server: whatever the address field holds, a
// link goes to exactly one recipient, the normalized address whose domain was checked,
// or to nobody. Allowed domains are entered through the catalog API, as operators type them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { CREATE_PAGE, createEntry, createType, mutate } from "../helpers/pages.js";
import { linkIn, startSmtp, type TestSmtp } from "./smtp.js";

const clock = testClock();
let t: TestApp;
let smtp: TestSmtp;
let groupsTypeId: string;
const group = (name: string, domain: string) =>
  createEntry(t, {
    typeId: groupsTypeId,
    name,
    values: [
      { attribute: "Components", values: ["API"] },
      { attribute: "Email domains", values: [domain] },
    ],
  });

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ mailer: smtp.mailer, now: clock.now, publicUrl: "https://status.example.com" });
  const components = await createType(t, { name: "Components", referenceByName: true });
  await createEntry(t, { typeId: components.id, name: "API" });
  const groups = await createType(t, {
    name: "Groups",
    attributes: [
      { name: "Components", kind: "REFERENCE", multiple: true, referencedType: "Components" },
      { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true },
    ],
  });
  groupsTypeId = groups.id;
  await group("Example", "example.com");
  await mutate(t, CREATE_PAGE, {
    input: {
      title: "Customers",
      slug: "customers",
      kind: "CUSTOMER",
      customerType: "Groups",
      componentsAttribute: "Components",
      emailDomainsAttribute: "Email domains",
    },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => void smtp.inbox.splice(0));

const REQUEST = /* GraphQL */ `
  mutation ($e: String!) {
    requestSignIn(pageSlug: "customers", email: $e) {
      __typename
      ... on SignInRequested { message }
      ... on ValidationError { issues { field rule } }
      ... on RateLimitedError { retryAfterSeconds }
    }
  }
`;
const request = async (email: string) => (await t.ok<{ requestSignIn: unknown }>(REQUEST, { e: email }, { as: "anonymous" })).requestSignIn;
const COMPLETE = `mutation ($token: String!) { completeSignIn(token: $token) { ... on ViewerSession { email subPages { slug } } } }`;

const HOSTILE = [
  "<attacker@evil.com>victim@example.com",
  "attacker@evil.com, victim@example.com",
  "victim@example.com,attacker@evil.com",
  "attacker@evil.com;victim@example.com",
  "g: attacker@evil.com;",
  "g: attacker@evil.com, victim@example.com;",
  "victim(x)@example.com",
  "attacker@evil.com (victim@example.com)",
  "victim@example.com (attacker@evil.com)",
  "Victim <victim@example.com>",
  "<victim@example.com>",
  "attacker@evil.com <victim@example.com>",
  '"a@evil.com"@example.com',
  '"victim"@example.com',
  "attacker@evil.com@example.com",
  "victim@example.com\u0000attacker@evil.com",
  "victim@example.com\r\nBcc: attacker@evil.com",
  "victim@example.com\nattacker@evil.com",
  "victim\u202E@example.com",
  "victim@exa\u2066mple.com",
  "victim@ex\u0430mple.com", // Cyrillic "а": its own domain, not example.com
];

describe("requestSignIn at the mail boundary", () => {
  it("mails nobody for lists, groups, comments, names, quotes, extra @ and hidden characters, and answers as for an unknown domain", async () => {
    const unknown = await request("someone@unknown.example");
    const answers = new Map<string, unknown>();
    for (const email of HOSTILE) answers.set(email, await request(email));
    // Barrier: a later, allowed request; the refused ones had their chance to mail first.
    await request("barrier@example.com");
    await smtp.waitForMail("barrier@example.com");
    expect(smtp.inbox.map((m) => m.to)).toEqual([["barrier@example.com"]]);
    expect(smtp.inbox[0]!.raw).not.toMatch(/evil|victim/i);
    expect(unknown).toEqual({ __typename: "SignInRequested", message: "If that address may see this page, a sign-in link is on its way." });
    // NUL is refused in every text argument before anything reads it (the same for any address, so it reveals nothing).
    const unstorable = { __typename: "ValidationError", issues: [{ field: "email", rule: "control_character" }] };
    for (const [email, answer] of answers) expect(answer, JSON.stringify(email)).toEqual(email.includes("\u0000") ? unstorable : unknown);
  });

  it("mails an allowed address to exactly its normalized form, and signs in as that address", async () => {
    expect(await request("Victim@Example.COM.")).toMatchObject({ __typename: "SignInRequested" });
    const mail = await smtp.waitForMail("Victim@example.com");
    expect(smtp.inbox.map((m) => m.to)).toEqual([["Victim@example.com"]]);
    expect(mail.raw).toMatch(/^To: Victim@example\.com\r$/m);
    const token = linkIn(mail).searchParams.get("token");
    const { completeSignIn } = await t.ok<{ completeSignIn: unknown }>(COMPLETE, { token }, { as: "anonymous" });
    expect(completeSignIn).toEqual({ email: "Victim@example.com", subPages: [{ slug: "example" }] });
  });

  it("mails a Unicode domain to its punycode form, matching a domain entered in Unicode", async () => {
    await group("Books", "Bücher.Example.");
    expect(await request("leser@BÜCHER.example")).toMatchObject({ __typename: "SignInRequested" });
    // smtp-server reports RCPT TO domains decoded to Unicode; the header shows the form sent.
    const mail = await smtp.waitForMail("leser@bücher.example");
    expect(smtp.inbox.map((m) => m.to)).toEqual([["leser@bücher.example"]]);
    expect(mail.raw).toMatch(/^To: leser@xn--bcher-kva\.example\r$/m);
    const token = linkIn(mail).searchParams.get("token");
    const { completeSignIn } = await t.ok<{ completeSignIn: unknown }>(COMPLETE, { token }, { as: "anonymous" });
    expect(completeSignIn).toEqual({ email: "leser@xn--bcher-kva.example", subPages: [{ slug: "books" }] });
  });

  it("keeps a typed error only for text that cannot be an address at all", async () => {
    const format = { __typename: "ValidationError", issues: [{ field: "email", rule: "format" }] };
    for (const email of ["", "  ", "victim", "victim.example.com", `victim@${"e".repeat(250)}.com`]) expect(await request(email), email).toEqual(format);
    expect(smtp.inbox).toEqual([]);
  });
});
