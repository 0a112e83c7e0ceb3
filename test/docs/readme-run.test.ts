// The README's examples run as written, in order, against a fresh service with an
// admin key, with and without the demo: every `graphql` block is executed with the
// variables of the `json` block right after it, whose "{{Name.path}}" placeholders
// name what an earlier operation returned ("{{mail.token}}": the last sign-in link's token).
import { readFileSync } from "node:fs";
import { parse, type GraphQLInterfaceType, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schema } from "../../server/schema/index.js";
import { seedDemo } from "../../server/seed/demo.js";
import { createTestApp, type GraphQLResponse, type TestApp } from "../helpers/app.js";

interface Example {
  name: string;
  kind: OperationDefinitionNode["operation"];
  source: string;
  variables: unknown;
}

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The graphql blocks in order, each with the json block that follows it with only blank lines between. */
function examples(): Example[] {
  const fences = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]!, start: m.index!, end: m.index! + m[0].length }));
  return fences.flatMap((fence, i) => {
    if (fence.lang !== "graphql") return [];
    const next = fences[i + 1];
    const json = next?.lang === "json" && readme.slice(fence.end, next.start).trim() === "" ? next : null;
    const operation = parse(fence.body).definitions[0] as OperationDefinitionNode;
    return [{ name: operation.name?.value ?? "", kind: operation.operation, source: fence.body, variables: json ? JSON.parse(json.body) : {} }];
  });
}

const ERROR_TYPES = new Set(schema.getImplementations(schema.getType("Error") as GraphQLInterfaceType).objects.map((t) => t.name));

/** Every `__typename` in a result that is one of the typed errors. */
function typedErrors(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(typedErrors);
  if (!value || typeof value !== "object") return [];
  const own = (value as { __typename?: string }).__typename;
  return [...(own && ERROR_TYPES.has(own) ? [own] : []), ...Object.values(value).flatMap(typedErrors)];
}

function lookUp(root: unknown, path: string[], placeholder: string): unknown {
  const value = path.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], root);
  if (value === undefined || value === null) throw new Error(`${placeholder} names nothing an earlier example returned`);
  return value;
}

/** `variables` with every "{{Name.path}}" replaced by the value it names. */
function fill(variables: unknown, results: Map<string, unknown>, mailedLinks: string[]): unknown {
  if (Array.isArray(variables)) return variables.map((v) => fill(v, results, mailedLinks));
  if (variables && typeof variables === "object") {
    return Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, fill(v, results, mailedLinks)]));
  }
  if (typeof variables !== "string") return variables;
  const placeholder = /^\{\{([\w.]+)\}\}$/.exec(variables);
  if (!placeholder) return variables;
  const [source, ...path] = placeholder[1]!.split(".");
  if (source === "mail") {
    const link = mailedLinks.at(-1);
    if (!link) throw new Error(`${variables}: no sign-in link was mailed`);
    return lookUp(Object.fromEntries(new URL(link).searchParams), path, variables);
  }
  if (!results.has(source!)) throw new Error(`${variables}: no earlier example is named ${source}`);
  return lookUp(results.get(source!), path, variables);
}

/** A subscription's first event, over Server-Sent Events. */
async function firstEvent(t: TestApp, query: string, variables: unknown): Promise<GraphQLResponse> {
  const res = await t.app.yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${t.adminKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    for (;;) {
      const data = /^data: (.+)$/m.exec(text);
      if (data) return JSON.parse(data[1]!) as GraphQLResponse;
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream ended without an event: ${text}`);
      text += chunk.value;
    }
  } finally {
    await reader.cancel();
  }
}

const all = examples();

it("has named examples, each name once, and a variable block for every example that declares variables", () => {
  expect(all.length).toBeGreaterThanOrEqual(18);
  const names = all.map((e) => e.name);
  expect(names.filter((n) => !n)).toEqual([]);
  expect(new Set(names).size).toBe(names.length);
  for (const example of all) {
    const declared = (parse(example.source).definitions[0] as OperationDefinitionNode).variableDefinitions?.map((v) => v.variable.name.value) ?? [];
    expect(Object.keys(example.variables as object).sort(), example.name).toEqual(declared.sort());
  }
});

describe.each([
  { label: "a fresh service", demo: false },
  { label: "a fresh service with the demo", demo: true },
])("on $label", ({ demo }) => {
  let t: TestApp;
  const mailedLinks: string[] = [];
  const results = new Map<string, unknown>();

  beforeAll(async () => {
    const mailer = { sendSignInLink: async (_to: unknown, link: string) => void mailedLinks.push(link), close: () => {} };
    t = await createTestApp({ mailer });
    if (demo) expect(await seedDemo(t.app)).toBe(true);
  });
  afterAll(() => t?.close());

  // In order: each example may use what the ones before it returned.
  it.each(all.map((e) => [e.name, e] as const))("%s runs without errors", async (_name, example) => {
    // Sign-in mail goes out after the answer, so that timing cannot tell who is allowed.
    if (JSON.stringify(example.variables).includes("{{mail.")) await vi.waitFor(() => expect(mailedLinks).not.toEqual([]));
    const variables = fill(example.variables, results, mailedLinks) as Record<string, unknown>;
    const result = example.kind === "subscription" ? await firstEvent(t, example.source, variables) : await t.gql(example.source, variables);
    expect(result.errors ?? []).toEqual([]);
    expect(typedErrors(result.data), JSON.stringify(result.data)).toEqual([]);
    results.set(example.name, result.data);
  });

  it("built what the README says it builds", async () => {
    const page = await t.ok(`{ statusPage(slug: "acme") { title components { name } } subPage(pageSlug: "support-ops", slug: "gitlab") { name } }`);
    expect(page).toEqual({ statusPage: { title: "Acme Status", components: [{ name: "Zendesk" }, { name: "Support portal" }] }, subPage: { name: "GitLab" } });
    expect(results.get("Complete")).toMatchObject({ completeSignIn: { __typename: "ViewerSession", subPages: [{ name: "GitLab" }] } });
  });
});
