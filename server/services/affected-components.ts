// The components an incident or maintenance names: each must be a component the
// page shows, named once, at a level the subject allows.
import type { Prisma } from "../generated/sqlite/client.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { pageComponentIds } from "./page-components.js";

type Tx = Prisma.TransactionClient;

export interface ComponentLevel<L extends string = string> {
  componentId: string;
  impact: L;
}

/** A component level with the entry's name, as drafts and previews show it. */
export interface NamedComponentLevel<L extends string = string> extends ComponentLevel<L> {
  name: string;
}

export interface CheckedComponents<L extends string> {
  items: NamedComponentLevel<L>[];
  issues: ValidationIssue[];
}

/**
 * Checks `items` (found at input path `field`) against the page: rules `duplicate`,
 * `not_found`, `not_on_page` on `<field>.<i>.componentId` and `not_allowed` on
 * `<field>.<i>.impact`. Returns the valid items with names, in catalog order, and the issues.
 */
export async function checkComponents<L extends string>(
  tx: Tx,
  pageId: string,
  items: readonly ComponentLevel[],
  allowed: readonly L[],
  field: string,
): Promise<CheckedComponents<L>> {
  const ids = [...new Set(items.map((i) => i.componentId))];
  const [entries, onPage] = await Promise.all([
    tx.catalogEntry.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, rank: true } }),
    pageComponentIds(tx, pageId),
  ]);
  const names = new Map(entries.map((e) => [e.id, e.name]));
  const order = new Map(entries.map((e) => [e.id, e.rank]));
  const seen = new Set<string>();
  const result: CheckedComponents<L> = { items: [], issues: [] };
  items.forEach((item, i) => {
    const at = `${field}.${i}`;
    const issue = componentIssue(item.componentId, seen, names, onPage);
    if (issue) result.issues.push({ field: `${at}.componentId`, ...issue });
    seen.add(item.componentId);
    const level = allowed.find((l) => l === item.impact);
    if (!level) result.issues.push({ field: `${at}.impact`, rule: "not_allowed", message: `must be one of ${allowed.join(", ")}` });
    if (!issue && level) result.items.push({ componentId: item.componentId, impact: level, name: names.get(item.componentId)! });
  });
  // Catalog order, the order stored impacts are read back in.
  const key = (i: NamedComponentLevel): [number, string, string] => [order.get(i.componentId)!, i.name, i.componentId];
  result.items.sort((a, b) => compareKeys(key(a), key(b)));
  return result;
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function componentIssue(id: string, seen: Set<string>, names: Map<string, string>, onPage: Set<string>) {
  if (seen.has(id)) return { rule: "duplicate", message: `component ${id} is listed more than once` };
  if (!names.has(id)) return { rule: "not_found", message: `no component ${id}` };
  if (!onPage.has(id)) return { rule: "not_on_page", message: `"${names.get(id)}" is not shown on this status page` };
  return null;
}

export function throwIfAny(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
