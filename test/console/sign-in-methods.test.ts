// What the console's sign-in screen offers (Query.operatorSignInMethods), and how
// the console turns the API's real typed errors into field and form messages.
import { afterAll, beforeAll, expect, it } from "vitest";
import { formErrors, isMutationError } from "../../web/console/ui/mutation-errors.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

const METHODS = `{ operatorSignInMethods { emailLink oidc { buttonLabel startPath } } }`;
let plain: TestApp;
let sso: TestApp;

beforeAll(async () => {
  plain = await createTestApp();
  const oidc = {
    issuer: "https://login.example.com",
    clientId: "statusgraph",
    clientSecret: "s3cret",
    scopes: ["openid", "email"],
    buttonLabel: "Sign in with Okta",
  };
  sso = await createTestApp({ oidc, publicUrl: "https://status.example.com" });
});
afterAll(async () => {
  await plain?.close();
  await sso?.close();
});

it("offers the emailed link always, and single sign-on only when configured, to anyone", async () => {
  expect(await plain.ok(METHODS, {}, { as: "anonymous" })).toEqual({ operatorSignInMethods: { emailLink: true, oidc: null } });
  expect(await sso.ok(METHODS, {}, { as: "anonymous" })).toEqual({
    operatorSignInMethods: { emailLink: true, oidc: { buttonLabel: "Sign in with Okta", startPath: "/auth/oidc/start" } },
  });
});

it("puts a validation issue beside its field and a form alert above, and an unplaced one in the alert", async () => {
  const { createStatusPage } = await plain.ok<{ createStatusPage: { __typename: string } }>(
    `mutation { createStatusPage(input: { title: "x", slug: "console" }) { __typename ... on Error { __typename message } ... on ValidationError { issues { field rule message } } } }`,
  );
  expect(isMutationError(createStatusPage)).toBe(true);
  const shown = formErrors(createStatusPage, null, ["input.slug"]);
  expect(shown.fields["input.slug"]?.[0]).toMatch(/service's own paths/);
  expect(shown.form).toBe("Some fields need attention.");
  expect(shown.stale).toBeNull();
  const unplaced = formErrors(createStatusPage, null, ["input.title"]);
  expect(unplaced.fields).toEqual({});
  expect(unplaced.form).toMatch(/^Some fields need attention\. input\.slug: .*service's own paths/);
});
