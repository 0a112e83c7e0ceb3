// A customer page for tests of who may keep watching it: the runbook's catalog,
// one sub-page "main" admitting the given email domains, and viewer sessions on it.
import { newSecret } from "../../server/auth/tokens.js";
import type { Db } from "../../server/db/client.js";
import { CREATE_PAGE, createRunbookCatalog, mutate } from "./pages.js";
import type { TestApp } from "./app.js";

export const MAIN_STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page, subPageSlug: "main") { status incidents { name } } }`;
export const UPDATE_DOMAINS = `mutation ($input: UpdateCatalogEntryInput!) { updateCatalogEntry(input: $input) { __typename } }`;

export interface CustomerLivePage {
  id: string;
  slug: string;
  /** The "main" Groups entry, whose Email domains admit viewers to sub-page "main". */
  mainEntryId: string;
  /** Component ids by name: Zendesk, Chat. */
  components: Record<string, string>;
}

export async function createCustomerLivePage(t: Pick<TestApp, "ok">, domains: string[]): Promise<CustomerLivePage> {
  const catalog = await createRunbookCatalog(t, ["Zendesk", "Chat"]);
  await mutate(t, UPDATE_DOMAINS, { input: { id: catalog.mainGroupId, values: [{ attribute: "Email domains", values: domains }] } });
  const page = await mutate(t, CREATE_PAGE, {
    input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components", emailDomainsAttribute: "Email domains" },
  });
  return { id: page.id!, slug: page.slug as string, mainEntryId: catalog.mainGroupId, components: catalog.components };
}

/** A signed-in viewer's session on the page, as a sign-in link would open it; returns its secret. */
export async function createSession(db: Db, pageId: string, email: string, now: Date, ttlMs: number): Promise<string> {
  const { secret, hash } = newSecret("sg_session");
  await db.viewerSession.create({ data: { hash, email, pageId, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) } });
  return secret;
}
