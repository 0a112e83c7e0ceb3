import type { Context } from "../context.js";
import { affectsAny } from "../domain/status.js";

/** The items that affect at least one of the sub-page's components; one batched lookup for all sub-pages of a request. */
export async function visibleOnSubPage<T>(
  ctx: Pick<Context, "loaders">,
  subPageId: string,
  items: readonly T[],
  componentIds: (item: T) => Iterable<string>,
): Promise<T[]> {
  const visible = new Set(await ctx.loaders.subPageComponents.load(subPageId));
  return items.filter((item) => affectsAny(componentIds(item), visible));
}

/**
 * The impacts a caller may see. An incident or maintenance that touches a viewer's
 * sub-page may touch other customers' components too; a viewer sees only their
 * own. Other pages a viewer can read are public, and operators see everything.
 */
export async function impactsShownTo<T extends { componentId: string }>(
  ctx: Pick<Context, "loaders" | "actor">,
  pageId: string | undefined,
  items: T[],
): Promise<T[]> {
  const { actor } = ctx;
  if (actor.kind !== "viewer" || pageId !== actor.pageId) return items;
  const lists = await ctx.loaders.subPageComponents.loadMany(actor.subPageIds);
  const shown = new Set(lists.flatMap((l) => (l instanceof Error ? [] : l)));
  return items.filter((i) => shown.has(i.componentId));
}
