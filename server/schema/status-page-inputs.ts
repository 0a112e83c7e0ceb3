// Inputs of the status-page mutations. Formats and list sizes are checked here (zod,
// one schema per input so every broken rule is reported); rules that need the
// database (uniqueness, existence, kinds) are the service's.
import { z } from "zod";
import { builder } from "../builder.js";
import { EXPECTED_VERSION_DESCRIPTION } from "./versioned.js";
import { LIMITS, inputSchema, listSchema, nameSchema, pageSlugSchema, subPageSlugSchema, urlSchema } from "../domain/limits.js";
import { PageKind, Theme } from "./enums.js";

const componentIds = listSchema(z.string());
const groups = listSchema(
  z.looseObject({
    name: nameSchema,
    components: z.array(z.string()).min(1, "must list at least one component").max(LIMITS.listItems, `must hold at most ${LIMITS.listItems} items`),
  }),
);
const subPages = listSchema(z.looseObject({ name: nameSchema.nullish(), slug: subPageSlugSchema.nullish() }));
const REPLACES = "giving components or groups replaces the whole layout; the one left out counts as empty.";

export const PageGroupInput = builder.inputType("PageGroupInput", {
  description: "A heading on a public page and the components listed under it, in order.",
  fields: (t) => ({
    name: t.string(),
    components: t.idList({ description: "Catalog entry ids." }),
  }),
});

export const SubPageInput = builder.inputType("SubPageInput", {
  description: "Name and URL of the sub-page of one entry of the customer type.",
  fields: (t) => ({
    entry: t.string({ description: "The entry's id or name." }),
    name: t.string({ required: false, description: "Defaults to the entry's name." }),
    slug: t.string({ required: false, description: "Generated from the name when omitted." }),
  }),
});

export const CreateStatusPageInput = builder.inputType("CreateStatusPageInput", {
  validate: inputSchema({
    title: nameSchema,
    slug: pageSlugSchema.nullish(),
    logoUrl: urlSchema.nullish(),
    faviconUrl: urlSchema.nullish(),
    components: componentIds.nullish(),
    groups: groups.nullish(),
    subPages: subPages.nullish(),
  }),
  fields: (t) => ({
    title: t.string(),
    slug: t.string({ required: false, description: "The page's URL; generated from the title when omitted." }),
    kind: t.field({ type: PageKind, defaultValue: "PUBLIC" }),
    theme: t.field({ type: Theme, defaultValue: "LIGHT" }),
    logoUrl: t.string({ required: false, description: "Or upload it as `logo`." }),
    faviconUrl: t.string({ required: false, description: "Or upload it as `favicon`." }),
    logo: t.field({ type: "File", required: false, description: "An uploaded logo (multipart request), instead of `logoUrl`; as uploadPageAsset checks it." }),
    favicon: t.field({
      type: "File",
      required: false,
      description: "An uploaded favicon (multipart request), instead of `faviconUrl`; as uploadPageAsset checks it.",
    }),
    components: t.idList({ required: false, description: "Public pages: components shown without a heading, first." }),
    groups: t.field({ type: [PageGroupInput], required: false, description: "Public pages: headings with their components, after the ungrouped ones." }),
    customerType: t.string({ required: false, description: "Customer pages (required): id or name of the catalog type whose entries are the customers." }),
    componentsAttribute: t.string({
      required: false,
      description: "Customer pages (required): id or name of the type's REFERENCE attribute holding components.",
    }),
    emailDomainsAttribute: t.string({
      required: false,
      description: "Customer pages: id or name of the type's EMAIL_DOMAIN attribute holding allowed email domains.",
    }),
    subPages: t.field({
      type: [SubPageInput],
      required: false,
      description: "Customer pages: names and URLs of some sub-pages; the others follow their entries.",
    }),
  }),
});

export const UpdateStatusPageInput = builder.inputType("UpdateStatusPageInput", {
  description: "Fields left out keep their value; null clears logoUrl and faviconUrl.",
  validate: inputSchema({
    title: nameSchema.nullish(),
    slug: pageSlugSchema.nullish(),
    logoUrl: urlSchema.nullish(),
    faviconUrl: urlSchema.nullish(),
    components: componentIds.nullish(),
    groups: groups.nullish(),
  }),
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }),
    title: t.string({ required: false }),
    slug: t.string({ required: false }),
    theme: t.field({ type: Theme, required: false }),
    logoUrl: t.string({ required: false }),
    faviconUrl: t.string({ required: false }),
    components: t.idList({ required: false, description: `Public pages: ${REPLACES}` }),
    groups: t.field({ type: [PageGroupInput], required: false, description: `Public pages: ${REPLACES}` }),
  }),
});

export const UpdateSubPageInput = builder.inputType("UpdateSubPageInput", {
  validate: inputSchema({ name: nameSchema.nullish(), slug: subPageSlugSchema.nullish() }),
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }),
    name: t.string({ required: false }),
    slug: t.string({ required: false, description: "Unique within the page." }),
  }),
});
