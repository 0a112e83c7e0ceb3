// The change a write to a status page makes, as the change path records and announces it.
import type { StatusPage } from "../generated/sqlite/client.js";
import { noticesFor, type Change } from "./change.js";

/** The change to a page, heard by its viewers (and those of `others`, e.g. pages whose sub-pages moved). */
export function pageChange(verb: string, page: StatusPage, before: StatusPage | null, after: StatusPage | null, others: string[] = []): Change {
  const pages = noticesFor([page.id, ...others], "PAGE");
  return { objectType: "StatusPage", objectId: page.id, summary: `${verb} status page "${page.title}"`, before, after, pages };
}
