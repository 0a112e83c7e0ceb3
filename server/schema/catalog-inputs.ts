// Inputs of the catalog mutations; names, descriptions, categories and list sizes
// are checked (and trimmed) here, the rules that need the database in
// services/catalog*.ts. One schema per input, so every broken rule is reported at once
// (see inputSchema).
import { z } from "zod";
import { builder } from "../builder.js";
import { EXPECTED_VERSION_DESCRIPTION } from "./versioned.js";
import { categorySchema, descriptionSchema, inputSchema, listSchema, nameSchema } from "../domain/limits.js";
import { AttributeKind } from "./catalog-objects.js";

const attributes = listSchema(z.looseObject({ name: nameSchema }));
const values = listSchema(z.looseObject({ values: listSchema(z.string()) }));

const AttributeInput = builder.inputType("CatalogAttributeInput", {
  fields: (t) => ({
    id: t.id({ required: false, description: "Set to keep (and edit) an existing attribute when updating a type." }),
    name: t.string(),
    kind: t.field({ type: AttributeKind }),
    multiple: t.boolean({ defaultValue: false }),
    referencedType: t.string({ required: false, description: "Id or name of the type a REFERENCE attribute points at." }),
  }),
});

export const CreateCatalogTypeInput = builder.inputType("CreateCatalogTypeInput", {
  validate: inputSchema({ name: nameSchema, description: descriptionSchema, categories: listSchema(categorySchema), attributes }),
  fields: (t) => ({
    name: t.string(),
    description: t.string({ defaultValue: "" }),
    categories: t.stringList({ defaultValue: [] }),
    ranked: t.boolean({ defaultValue: false }),
    referenceByName: t.boolean({ defaultValue: false }),
    attributes: t.field({ type: [AttributeInput], defaultValue: [] }),
  }),
});

export const UpdateCatalogTypeInput = builder.inputType("UpdateCatalogTypeInput", {
  validate: inputSchema({
    name: nameSchema.nullish(),
    description: descriptionSchema.nullish(),
    categories: listSchema(categorySchema).nullish(),
    attributes: attributes.nullish(),
  }),
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }),
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    categories: t.stringList({ required: false }),
    ranked: t.boolean({ required: false }),
    referenceByName: t.boolean({ required: false }),
    attributes: t.field({
      type: [AttributeInput],
      required: false,
      description: "The full new list: attributes given by id are kept (renamed, edited), those without an id added, the others deleted with their values.",
    }),
  }),
});

const AttributeValueInput = builder.inputType("CatalogAttributeValueInput", {
  fields: (t) => ({
    attribute: t.string({ description: "The attribute's name or id." }),
    values: t.stringList({ description: "Texts, domains, or referenced entries (ids, or names for types referenced by name)." }),
  }),
});

export const CreateCatalogEntryInput = builder.inputType("CreateCatalogEntryInput", {
  validate: inputSchema({ name: nameSchema, values }),
  fields: (t) => ({
    typeId: t.id(),
    name: t.string(),
    rank: t.int({ required: false, description: "Ranked types: position among the type's entries (0 first); last when omitted." }),
    values: t.field({ type: [AttributeValueInput], defaultValue: [] }),
  }),
});

export const UpdateCatalogEntryInput = builder.inputType("UpdateCatalogEntryInput", {
  validate: inputSchema({ name: nameSchema.nullish(), values: values.nullish() }),
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }),
    name: t.string({ required: false }),
    rank: t.int({ required: false, description: "Ranked types: moves the entry to this position (0 first)." }),
    values: t.field({ type: [AttributeValueInput], required: false, description: "Attributes named here get these values; others keep theirs." }),
  }),
});
