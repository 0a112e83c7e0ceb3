// Where the live tests on one page start: a test app serving a public page with one
// component on a free port, and a graphql-ws client of it.
import type { Client } from "graphql-ws";
import type { AppOptions } from "../../server/app.js";
import { createTestApp, type TestApp } from "./app.js";
import { createComponents, createPage, type PageRef } from "./fixtures.js";
import { wsClient } from "./live.js";

export interface LivePage {
  t: TestApp;
  page: PageRef;
  /** The page's one component, "API". */
  api: string;
  client: Client;
  /** Disposes of the client, then closes the app. */
  close(): Promise<void>;
}

export async function startLivePage(options: AppOptions = {}): Promise<LivePage> {
  const t = await createTestApp(options);
  const [api] = (await createComponents(t, ["API"])) as [string];
  const page = await createPage(t, [api]);
  const client = wsClient(await t.app.start(0));
  return {
    t,
    page,
    api,
    client,
    async close() {
      await client.dispose();
      await t.close();
    },
  };
}
