// The runbook's `Create entry` form, also used to edit an entry: Name and one
// field per attribute of the type → Create (or Save).
import { useState } from "react";
import { useMutation } from "urql";
import { FieldError, fieldA11y, FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import { AttributeField, type AttributeDraft } from "./AttributeField.js";
import { type CatalogEntryData, type CatalogTypeData, CreateCatalogEntryMutation, UpdateCatalogEntryMutation } from "./Catalog.graphql.js";

function initialValues(type: CatalogTypeData, entry: CatalogEntryData | undefined): AttributeDraft[] {
  return type.attributes.map((a) => {
    const value = entry?.values.find((v) => v.attribute.id === a.id);
    if (!value) return [];
    return a.kind === "REFERENCE" ? value.entries.map((e) => e.id) : [...value.texts];
  });
}

/** For each text row, its position among the non-blank rows sent; null for blank rows. */
function positions(rows: AttributeDraft): (number | null)[] {
  let next = 0;
  return rows.map((r) => (r.trim() ? next++ : null));
}

/** Creates an entry of `type` (no `entry`) or edits `entry`. */
export function EntryForm({
  type,
  entry,
  onSaved,
  onCancel,
  onReload,
}: {
  type: CatalogTypeData;
  entry?: CatalogEntryData;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [name, setName] = useState(entry?.name ?? "");
  const [values, setValues] = useState(() => initialValues(type, entry));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, create] = useMutation(CreateCatalogEntryMutation);
  const [updated, update] = useMutation(UpdateCatalogEntryMutation);

  const save = async () => {
    const input = type.attributes.map((a, i) => ({ attribute: a.id, values: (values[i] ?? []).filter((v) => v.trim()) }));
    const result = entry
      ? await update({ input: { id: entry.id, expectedVersion: entry.version, name, values: input } })
      : await create({ input: { typeId: type.id, name, values: input } });
    const data = result.data ? ("updateCatalogEntry" in result.data ? result.data.updateCatalogEntry : result.data.createCatalogEntry) : undefined;
    const next = formErrors(data, result.error);
    setErrors(next);
    if (data?.__typename === "CatalogEntry") onSaved();
  };
  const formId = entry ? `entry-form-${entry.id}` : "entry-form-new";
  return (
    <form
      className="catalog-form"
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${formId}-title`}>{entry ? `Edit ${entry.name}` : `New ${type.name} entry`}</h2>
      <FormAlert errors={errors} />
      {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
      <label htmlFor={`${formId}-name`}>Name</label>
      <input id={`${formId}-name`} value={name} onChange={(e) => setName(e.target.value)} {...fieldA11y(errors, "input.name")} />
      <FieldError errors={errors} field="input.name" />
      {type.attributes.map((a, i) => (
        <AttributeField
          key={a.id}
          attribute={a}
          value={values[i] ?? []}
          onChange={(v) => setValues(values.map((old, j) => (j === i ? v : old)))}
          errors={errors}
          field={`input.values.${i}.values`}
          sentPositions={positions(values[i] ?? [])}
        />
      ))}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {entry ? "Save" : "Create"}
        </button>
      </div>
    </form>
  );
}
