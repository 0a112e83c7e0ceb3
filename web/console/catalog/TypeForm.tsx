// The runbook's "Add a custom type" form, also used to edit a type: Name,
// Description, Categories (+ Services …), Are entries of this type ranked?,
// Reference entries by name, and typed attributes → Save.
import { useState } from "react";
import { useMutation } from "urql";
import type { SchemaType } from "../../src/graphql.js";
import { FieldError, fieldA11y, FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import { type CatalogTypeData, CreateCatalogTypeMutation, UpdateCatalogTypeMutation } from "./Catalog.graphql.js";

/** Categories offered as `+ <name>` buttons. */
const CATEGORIES = ["Services", "Products", "Teams", "Customers"];

interface AttributeDraft {
  id?: string;
  name: string;
  /** "TEXT", "EMAIL_DOMAIN" or "REFERENCE:<type id>". */
  kind: string;
  multiple: boolean;
}

function toDraft(type: CatalogTypeData | undefined) {
  return {
    name: type?.name ?? "",
    description: type?.description ?? "",
    categories: type?.categories ?? [],
    ranked: type?.ranked ?? false,
    referenceByName: type?.referenceByName ?? false,
    attributes: (type?.attributes ?? []).map(
      (a): AttributeDraft => ({
        id: a.id,
        name: a.name,
        multiple: a.multiple,
        kind: a.kind === "REFERENCE" ? `REFERENCE:${a.referencedType?.id ?? ""}` : a.kind,
      }),
    ),
  };
}

function attributeInput(a: AttributeDraft) {
  const [kind, referencedType] = a.kind.split(":") as [SchemaType<"AttributeKind">, string | undefined];
  return { id: a.id, name: a.name, kind, multiple: a.multiple, referencedType };
}

/** Creates a type (no `type`) or edits `type`; `others` are the types a REFERENCE attribute may point at. */
export function TypeForm({
  type,
  others,
  onSaved,
  onCancel,
  onReload,
}: {
  type?: CatalogTypeData;
  others: readonly { id: string; name: string }[];
  onSaved: (id: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [draft, setDraft] = useState(() => toDraft(type));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, create] = useMutation(CreateCatalogTypeMutation);
  const [updated, update] = useMutation(UpdateCatalogTypeMutation);
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const setAttribute = (i: number, patch: Partial<AttributeDraft>) => set({ attributes: draft.attributes.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const shown = ["input.name", "input.description", "input.categories", ...draft.attributes.map((_, i) => `input.attributes.${i}.name`)];

  const save = async () => {
    const fields = { ...draft, attributes: draft.attributes.map(attributeInput) };
    if (type) {
      const result = await update({ input: { id: type.id, expectedVersion: type.version, ...fields } });
      const data = result.data?.updateCatalogType;
      setErrors(formErrors(data, result.error, shown));
      if (data?.__typename === "CatalogType") onSaved(data.id);
    } else {
      const result = await create({ input: fields });
      const data = result.data?.createCatalogType;
      setErrors(formErrors(data, result.error, shown));
      if (data?.__typename === "CatalogType") onSaved(data.id);
    }
  };
  const formId = type ? `type-form-${type.id}` : "type-form-new";
  return (
    <form
      className="catalog-form"
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${formId}-title`}>{type ? `Edit ${type.name}` : "Add a custom type"}</h2>
      <FormAlert errors={errors} />
      {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
      <label htmlFor={`${formId}-name`}>Name</label>
      <input id={`${formId}-name`} value={draft.name} onChange={(e) => set({ name: e.target.value })} {...fieldA11y(errors, "input.name")} />
      <FieldError errors={errors} field="input.name" />
      <label htmlFor={`${formId}-description`}>Description</label>
      <textarea
        id={`${formId}-description`}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
        {...fieldA11y(errors, "input.description")}
      />
      <FieldError errors={errors} field="input.description" />
      <fieldset>
        <legend>Categories</legend>
        <ul className="chips">
          {draft.categories.map((c) => (
            <li key={c}>
              {c}{" "}
              <button type="button" aria-label={`Remove ${c}`} onClick={() => set({ categories: draft.categories.filter((x) => x !== c) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        {CATEGORIES.filter((c) => !draft.categories.includes(c)).map((c) => (
          <button key={c} type="button" onClick={() => set({ categories: [...draft.categories, c] })}>
            + {c}
          </button>
        ))}
        <FieldError errors={errors} field="input.categories" />
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={draft.ranked} onChange={(e) => set({ ranked: e.target.checked })} /> Are entries of this type ranked?
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.referenceByName} onChange={(e) => set({ referenceByName: e.target.checked })} /> Reference entries by name
      </label>
      <fieldset>
        <legend>Attributes</legend>
        {draft.attributes.map((a, i) => (
          <fieldset key={a.id ?? `new-${i}`} className="attribute">
            <legend>Attribute {i + 1}</legend>
            <label htmlFor={`${formId}-attr-${i}-name`}>Attribute name</label>
            <input
              id={`${formId}-attr-${i}-name`}
              value={a.name}
              onChange={(e) => setAttribute(i, { name: e.target.value })}
              {...fieldA11y(errors, `input.attributes.${i}.name`)}
            />
            <FieldError errors={errors} field={`input.attributes.${i}.name`} />
            <label htmlFor={`${formId}-attr-${i}-kind`}>Attribute type</label>
            <select id={`${formId}-attr-${i}-kind`} value={a.kind} onChange={(e) => setAttribute(i, { kind: e.target.value })}>
              <option value="TEXT">Text</option>
              <option value="EMAIL_DOMAIN">Email domain</option>
              {others.map((o) => (
                <option key={o.id} value={`REFERENCE:${o.id}`}>
                  Entry of {o.name}
                </option>
              ))}
            </select>
            <label className="check">
              <input type="checkbox" checked={a.multiple} onChange={(e) => setAttribute(i, { multiple: e.target.checked })} /> Multiple values
            </label>
            <button type="button" onClick={() => set({ attributes: draft.attributes.filter((_, j) => j !== i) })}>
              Remove attribute {i + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => set({ attributes: [...draft.attributes, { name: "", kind: "TEXT", multiple: false }] })}>
          Add attribute
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={created.fetching || updated.fetching}>
          Save
        </button>
      </div>
    </form>
  );
}
