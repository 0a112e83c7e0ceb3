// Inputs of the catalog mutations; names, descriptions and categories are checked
// (and trimmed) here, the rules that need the database in services/catalog*.ts.
import { builder } from "../builder.js";
import { categorySchema, descriptionSchema, listSchema, nameSchema } from "../domain/limits.js";
import { AttributeKind } from "./catalog-objects.js";

const AttributeInput = builder.inputType("CatalogAttributeInput", {
  fields: (t) => ({
    id: t.id({ required: false, description: "Set to keep (and edit) an existing attribute when updating a type." }),
    name: t.string({ validate: nameSchema }),
    kind: t.field({ type: AttributeKind }),
    multiple: t.boolean({ defaultValue: false }),
    referencedType: t.string({ required: false, description: "Id or name of the type a REFERENCE attribute points at." }),
  }),
});

export const CreateCatalogTypeInput = builder.inputType("CreateCatalogTypeInput", {
  fields: (t) => ({
    name: t.string({ validate: nameSchema }),
    description: t.string({ defaultValue: "", validate: descriptionSchema }),
    categories: t.stringList({ defaultValue: [], validate: listSchema(categorySchema) }),
    ranked: t.boolean({ defaultValue: false }),
    referenceByName: t.boolean({ defaultValue: false }),
    attributes: t.field({ type: [AttributeInput], defaultValue: [] }),
  }),
});

export const UpdateCatalogTypeInput = builder.inputType("UpdateCatalogTypeInput", {
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: false, validate: nameSchema }),
    description: t.string({ required: false, validate: descriptionSchema }),
    categories: t.stringList({ required: false, validate: listSchema(categorySchema) }),
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
  fields: (t) => ({
    typeId: t.id(),
    name: t.string({ validate: nameSchema }),
    rank: t.int({ required: false, description: "Ranked types: position among the type's entries (0 first); last when omitted." }),
    values: t.field({ type: [AttributeValueInput], defaultValue: [] }),
  }),
});

export const UpdateCatalogEntryInput = builder.inputType("UpdateCatalogEntryInput", {
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: false, validate: nameSchema }),
    rank: t.int({ required: false, description: "Ranked types: moves the entry to this position (0 first)." }),
    values: t.field({ type: [AttributeValueInput], required: false, description: "Attributes named here get these values; others keep theirs." }),
  }),
});
