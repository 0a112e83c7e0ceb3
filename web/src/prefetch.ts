// Asks for the first screen's data as soon as the small entry chunk runs, while
// the React chunk is still being parsed; the components' own queries then find
// the result in urql's cache (or join the request in flight).
import type { Client } from "@urql/core";
import { PageQuery } from "./components/PublicPage.graphql.js";
import { SubPageQuery } from "./components/SubPageView.graphql.js";
import { matchRoute } from "./routes.js";
import { ViewerQuery } from "./viewer.js";

export function prefetchRoute(client: Client, pathname: string): void {
  const route = matchRoute(pathname);
  if (route.name === "page") void client.query(PageQuery, { slug: route.page }).toPromise();
  if (route.name === "subPage") {
    void client.query(SubPageQuery, { page: route.page, slug: route.subPage }).toPromise();
    void client.query(ViewerQuery, {}).toPromise();
  }
}
