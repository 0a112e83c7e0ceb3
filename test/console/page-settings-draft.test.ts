// The settings form sends only what the operator changed: an untouched page is no
// change, an emptied image URL clears it, an upload replaces the URL field, and a
// layout is sent whole (headless components first) only when it differs.
import { expect, it } from "vitest";
import { moved, toLayoutDraft } from "../../web/console/settings/layout-draft.js";
import { pagePatch, pendingUploads, toPageDraft } from "../../web/console/settings/page-draft.js";
import type { SettingsPage } from "../../web/console/settings/PageSettings.graphql.js";

const PAGE: SettingsPage = {
  id: "p1",
  version: 4,
  slug: "demo",
  title: "Demo",
  kind: "PUBLIC",
  theme: "LIGHT",
  logoUrl: "https://example.com/logo.png",
  faviconUrl: null,
  groups: [
    { name: null, components: [{ id: "a", name: "A" }] },
    {
      name: "Tools",
      components: [
        { id: "b", name: "B" },
        { id: "c", name: "C" },
      ],
    },
  ],
  customerType: null,
  componentsAttribute: null,
  emailDomainsAttribute: null,
  subPages: [],
};

it("sends nothing for an untouched page", () => {
  expect(pagePatch(PAGE, toPageDraft(PAGE))).toEqual({});
  expect(pendingUploads(toPageDraft(PAGE).setup)).toEqual([]);
});

it("sends changed fields only; an emptied URL clears it and an upload leaves the URL field out", () => {
  const draft = toPageDraft(PAGE);
  expect(pagePatch(PAGE, { ...draft, title: "Renamed", setup: { ...draft.setup, theme: "DARK", logoUrl: "" } })).toEqual({
    title: "Renamed",
    theme: "DARK",
    logoUrl: null,
  });
  const logo = new File([new Uint8Array([1])], "logo.png", { type: "image/png" });
  const uploading = { ...draft.setup, logo, logoUrl: "" };
  expect(pagePatch(PAGE, { ...draft, setup: uploading })).toEqual({});
  expect(pendingUploads(uploading)).toEqual([{ kind: "LOGO", file: logo, field: "input.logo" }]);
});

it("sends the whole layout, headless components first, when it differs", () => {
  const draft = toPageDraft(PAGE);
  expect(draft.layout.ungrouped.map((c) => c.id)).toEqual(["a"]);
  const [tools] = draft.layout.groups;
  const layout = { ...draft.layout, groups: [{ ...tools!, components: moved(tools!.components, 1, -1) }] };
  expect(pagePatch(PAGE, { ...draft, layout })).toEqual({ components: ["a"], groups: [{ name: "Tools", components: ["c", "b"] }] });
});

it("gathers headless runs at the top, where the input puts them", () => {
  const layout = toLayoutDraft([
    { name: "Tools", components: [{ id: "b", name: "B" }] },
    { name: null, components: [{ id: "a", name: "A" }] },
  ]);
  expect(layout.ungrouped.map((c) => c.id)).toEqual(["a"]);
  expect(layout.groups.map((g) => g.name)).toEqual(["Tools"]);
  expect(moved(["x", "y", "z"], 0, -1)).toEqual(["x", "y", "z"]);
  expect(moved(["x", "y", "z"], 0, 5)).toEqual(["y", "z", "x"]);
});
