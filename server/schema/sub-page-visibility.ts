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
