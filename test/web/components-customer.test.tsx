import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { Embed, EmbedStatus } from "../../web/src/components/Embed.js";
import { SubPageHistory } from "../../web/src/components/IncidentHistory.js";
import { SubPageView } from "../../web/src/components/SubPageView.js";
import type { PageShell } from "../../web/src/components/PublicPage.graphql.js";
import type { LiveStatus } from "../../web/src/live.js";
import { mockClient, type Answer } from "./mock-client.js";

const shell: PageShell = { id: "p2", slug: "cust", title: "Customer Support", kind: "CUSTOMER", theme: "DARK", logoUrl: null, faviconUrl: null };
const ann: Answer = { data: { viewer: { kind: "VIEWER", email: "ann@acme.io", subPages: [] } } };
const render = (element: ReactElement, answers: Record<string, Answer>) => renderToStaticMarkup(<Provider value={mockClient(answers)}>{element}</Provider>);
const ENTITIES: Record<string, string> = { "&#x27;": "'", "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">" };
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&quot;|&amp;|&lt;|&gt;/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, " ");

describe("a customer sub-page", () => {
  it("asks an anonymous viewer to sign in by email", () => {
    const html = render(<SubPageView page="cust" subPage="acme" />, {
      SubPage: { data: { statusPage: shell, subPage: null }, error: "UNAUTHENTICATED" },
      Viewer: { data: { viewer: { kind: "ANONYMOUS", email: null, subPages: [] } } },
    });
    expect(text(html)).toContain("Sign in to see Customer Support");
    expect(html).toMatch(/<label for="sign-in-email">Email address<\/label>/);
    expect(html).toMatch(/<input[^>]+type="email"[^>]+autoComplete="email"|<input[^>]+type="email"/);
    expect(text(html)).not.toContain("Sign out");
  });

  it("refuses a signed-in viewer without naming or describing the sub-page", () => {
    const html = render(<SubPageView page="cust" subPage="globex-secret" />, {
      SubPage: { data: { statusPage: shell, subPage: null }, error: "FORBIDDEN" },
      Viewer: ann,
    });
    expect(text(html)).toContain("You don't have access to this page");
    expect(text(html)).toContain("signed in as ann@acme.io");
    expect(html).not.toContain("globex");
    expect(text(html)).toContain("Sign out");
  });

  it("shows the same refusal for a sub-page that does not exist", () => {
    const denied = render(<SubPageView page="cust" subPage="a" />, {
      SubPage: { data: { statusPage: shell, subPage: null }, error: "FORBIDDEN" },
      Viewer: ann,
    });
    const missing = render(<SubPageView page="cust" subPage="a" />, {
      SubPage: { data: { statusPage: shell, subPage: null } },
      Viewer: ann,
    });
    expect(missing).toBe(denied);
  });

  it("says nothing of a refusal until it knows who is asking", () => {
    const html = render(<SubPageView page="cust" subPage="a" />, {
      SubPage: { data: { statusPage: shell, subPage: null }, error: "FORBIDDEN" },
      Viewer: "loading",
    });
    expect(text(html)).toContain("Loading the status page…");
    expect(text(html)).not.toContain("Sign in");
  });

  it("shows loading and error states", () => {
    expect(text(render(<SubPageView page="cust" subPage="a" />, { SubPage: "loading" }))).toContain("Loading the status page…");
    expect(text(render(<SubPageView page="cust" subPage="a" />, { SubPage: { networkError: "down" } }))).toContain("Could not load the status page");
  });
});

describe("the embed widget", () => {
  it("shows the live status and components with words, without page chrome", () => {
    const live: LiveStatus = {
      status: "DEGRADED_PERFORMANCE",
      sentence: "Degraded performance",
      components: [{ id: "c1", name: "API", group: null, status: "DEGRADED_PERFORMANCE" }],
      incidents: [],
      maintenances: [],
    };
    const html = render(<EmbedStatus page="demo" title="Demo" live={live} />, {});
    expect(text(html)).toMatch(/Degraded performance API .*Degraded performance/);
    expect(html).not.toContain("site-header");
    expect(text(render(<Embed page="demo" />, { PageStatus: "loading" }))).toContain("Loading the status…");
  });
});

describe("a sub-page's incident history", () => {
  const incident = (id: string, name: string) => ({ id, name, status: "RESOLVED", publishedAt: "2026-03-01T10:00:00Z", resolvedAt: "2026-03-01T12:00:00Z" });
  const history = (edges: ReturnType<typeof incident>[], hasNextPage: boolean) => ({
    data: {
      subPage: { id: "s1", incidentHistory: { pageInfo: { hasNextPage, endCursor: hasNextPage ? "c2" : null }, edges: edges.map((node) => ({ node })) } },
    },
  });

  // Rendered without effects: the page's items show; what follows them (more, or none at all) is decided once it has reported.
  it("lists the incidents of the first page of its connection", () => {
    const html = render(<SubPageHistory page="cust" slug="acme" version={0} />, {
      SubPageHistory: history([incident("i1", "Login slow"), incident("i2", "API down")], true),
    });
    expect(text(html)).toMatch(/Incident history .*Login slow .*Resolved .*API down .*Resolved/);
    expect(html.match(/class="history-item"/g)).toHaveLength(2);
  });

  it("shows loading, then nothing for an empty page", () => {
    expect(text(render(<SubPageHistory page="cust" slug="acme" version={0} />, { SubPageHistory: "loading" }))).toContain("Loading");
    const html = render(<SubPageHistory page="cust" slug="acme" version={0} />, { SubPageHistory: history([], false) });
    expect(html).not.toContain("history-item");
  });
});
