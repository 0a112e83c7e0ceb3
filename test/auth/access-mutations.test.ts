// Every mutation, tried by every kind of caller: it works with the scope it
// needs, and otherwise returns AccessDeniedError and changes nothing — also when
// its input is invalid, since refusal comes before validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/auth/roles.js";
import { MUTATIONS, type MutationCase } from "./mutation-cases.js";
import { CALLERS, buildWorld, type Caller, type World } from "./world.js";

let w: World;
beforeAll(async () => void (w = await buildWorld()), 60_000);
afterAll(() => w.t.close());

/** Everything an operator can read, re-queried with the admin key to prove a refusal wrote nothing. */
const STATE = /* GraphQL */ `{
  catalogTypes { id name description ranked attributes { name } entries { id name rank values { texts entries { id } } } }
  statusPages {
    id slug title theme components { id } subPages { id name slug }
    incidentHistory(first: 100) { edges { node { id name status updates { id status message } } } }
    upcoming: maintenances(state: UPCOMING) { id name status updates { id message } }
    inProgress: maintenances(state: IN_PROGRESS) { id }
  }
  apiKeys { id name scope revokedAt }
  operators(first: 100) { edges { node { id email name role disabledAt } } }
}`;
const state = () => w.t.ok(STATE);

/** The role each caller holds: keys by their scope, people by their role; null for everyone else. */
const ROLE_OF: Record<Caller, Role | null> = {
  anonymous: null,
  revoked: null,
  viewerA: null,
  viewerB: null,
  personDisabled: null,
  read: "VIEWER",
  publish: "PUBLISHER",
  editor: "EDITOR",
  admin: "ADMIN",
  personViewer: "VIEWER",
  personPublisher: "PUBLISHER",
  personEditor: "EDITOR",
  personAdmin: "ADMIN",
};
const allowed = (m: MutationCase, c: Caller) => m.needs === null || ROLES.indexOf(ROLE_OF[c] ?? ("NONE" as Role)) >= ROLES.indexOf(m.needs);
const reason = (c: Caller) => (c === "anonymous" || c === "revoked" || c === "personDisabled" ? "UNAUTHENTICATED" : "FORBIDDEN");

const run = (m: MutationCase, caller: Caller, variables: Record<string, unknown>) =>
  w.t.gql<Record<string, { __typename: string; reason?: string; message?: string }>>(
    `mutation (${m.args[0]}) { result: ${m.name}(${m.args[1]}) { __typename ... on AccessDeniedError { reason } ... on Error { message } } }`,
    variables,
    w.as[caller],
  );

describe.each(MUTATIONS)("$name", (m) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const variables = await m.valid(w);
    const before = await state();
    const { data, errors } = await run(m, caller, variables);
    expect(errors).toBeUndefined();
    if (allowed(m, caller)) {
      expect(data!.result).toMatchObject({ __typename: m.success });
      return;
    }
    expect(data!.result).toMatchObject({ __typename: "AccessDeniedError", reason: reason(caller) });
    expect(await state()).toEqual(before);
  });

  if (!m.invalid) return;
  it.each(CALLERS)("with invalid input as %s", async (caller) => {
    const variables = await m.invalid!(w);
    const before = await state();
    const { data } = await run(m, caller, variables);
    const expected = allowed(m, caller) ? { __typename: "ValidationError" } : { __typename: "AccessDeniedError", reason: reason(caller) };
    expect(data!.result).toMatchObject(expected);
    expect(await state()).toEqual(before);
  });
});

it("says what is missing", async () => {
  const { data } = await run(MUTATIONS[0]!, "read", await MUTATIONS[0]!.valid(w));
  expect(data!.result!.message).toBe('This needs an operator with the editor role; the API key "reader" has the viewer role');
  const revoked = await run(MUTATIONS[0]!, "revoked", await MUTATIONS[0]!.valid(w));
  expect(revoked.data!.result!.message).toBe("The API key is unknown or revoked");
});
