// A public page's layout as the settings form edits it: components without a
// heading first, then the groups in order — the shape updateStatusPage takes.
import type { SettingsPage } from "./PageSettings.graphql.js";

export interface LayoutItem {
  id: string;
  name: string;
}

export interface GroupDraft {
  /** Stable across renames and moves, for React's lists. */
  key: string;
  name: string;
  components: LayoutItem[];
}

export interface LayoutDraft {
  ungrouped: LayoutItem[];
  groups: GroupDraft[];
}

/** The page's sections as a draft; headless runs are gathered at the top, where the input puts them. */
export function toLayoutDraft(groups: SettingsPage["groups"]): LayoutDraft {
  const pick = (c: LayoutItem) => ({ id: c.id, name: c.name });
  return {
    ungrouped: groups.filter((g) => g.name === null).flatMap((g) => g.components.map(pick)),
    groups: groups.flatMap((g, i) => (g.name === null ? [] : [{ key: `saved-${i}`, name: g.name, components: g.components.map(pick) }])),
  };
}

/** updateStatusPage's `components` and `groups` for `draft`. */
export function layoutInput(draft: LayoutDraft): { components: string[]; groups: { name: string; components: string[] }[] } {
  return {
    components: draft.ungrouped.map((c) => c.id),
    groups: draft.groups.map((g) => ({ name: g.name, components: g.components.map((c) => c.id) })),
  };
}

/** True when `draft` lays the page out as `groups` do. */
export function sameLayout(groups: SettingsPage["groups"], draft: LayoutDraft): boolean {
  return JSON.stringify(layoutInput(toLayoutDraft(groups))) === JSON.stringify(layoutInput(draft));
}

/** The input paths the layout editor shows errors beside. */
export function layoutFields(draft: LayoutDraft): string[] {
  return [
    "input.components",
    ...draft.ungrouped.map((_, i) => `input.components.${i}`),
    ...draft.groups.flatMap((g, gi) => [
      `input.groups.${gi}.name`,
      `input.groups.${gi}.components`,
      ...g.components.map((_, i) => `input.groups.${gi}.components.${i}`),
    ]),
  ];
}

/** `items` with the one at `index` moved by `by` places (clamped to the list). */
export function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, index + by));
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}
