// One attribute's input in the entry form: a text box, a list editor for
// multi-value texts and email domains, or a choice of entries of the referenced
// type (checkboxes when it holds several, a select otherwise).
import { useQuery } from "urql";
import { FieldError, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import { CatalogEntryChoicesQuery, type CatalogTypeData } from "./Catalog.graphql.js";

type Attribute = CatalogTypeData["attributes"][number];

/** The attribute's draft: text rows, or referenced entry ids. */
export type AttributeDraft = string[];

interface FieldProps {
  attribute: Attribute;
  value: AttributeDraft;
  onChange: (value: AttributeDraft) => void;
  errors: FormErrors;
  /** Error path of this attribute's values, e.g. "input.values.1.values". */
  field: string;
  /** For each text row, its position among the values sent (null when blank, so not sent). */
  sentPositions: (number | null)[];
}

function References({ attribute, value, onChange, errors, field }: FieldProps) {
  const typeId = attribute.referencedType?.id ?? "";
  const [choices] = useQuery({ query: CatalogEntryChoicesQuery, variables: { id: typeId }, pause: !typeId });
  const entries = choices.data?.catalogType?.entries ?? [];
  const id = `attr-${attribute.id}`;
  if (!attribute.multiple)
    return (
      <>
        <label htmlFor={id}>{attribute.name}</label>
        <select id={id} value={value[0] ?? ""} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])} {...fieldA11y(errors, field)}>
          <option value="">None</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <FieldError errors={errors} field={field} />
      </>
    );
  return (
    <fieldset>
      <legend>{attribute.name}</legend>
      {choices.fetching && <p className="muted">Loading…</p>}
      {entries.map((e) => (
        <label key={e.id} className="check">
          <input
            type="checkbox"
            checked={value.includes(e.id)}
            onChange={(ev) => onChange(ev.target.checked ? [...value, e.id] : value.filter((v) => v !== e.id))}
          />{" "}
          {e.name}
        </label>
      ))}
      <FieldError errors={errors} field={field} />
    </fieldset>
  );
}

function Texts({ attribute, value, onChange, errors, field, sentPositions }: FieldProps) {
  const rows = value.length ? value : [""];
  const id = `attr-${attribute.id}`;
  if (!attribute.multiple)
    return (
      <>
        <label htmlFor={id}>{attribute.name}</label>
        <input id={id} value={rows[0]} onChange={(e) => onChange([e.target.value])} {...fieldA11y(errors, `${field}.0`)} />
        <FieldError errors={errors} field={`${field}.0`} />
        <FieldError errors={errors} field={field} />
      </>
    );
  return (
    <fieldset>
      <legend>{attribute.name}</legend>
      {rows.map((row, i) => {
        const rowField = `${field}.${sentPositions[i] ?? "unsent"}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <div key={i} className="list-row">
            <label htmlFor={`${id}-${i}`}>
              {attribute.name} {i + 1}
            </label>
            <input
              id={`${id}-${i}`}
              value={row}
              onChange={(e) => onChange(rows.map((r, j) => (j === i ? e.target.value : r)))}
              {...fieldA11y(errors, rowField)}
            />
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove {attribute.name} {i + 1}
            </button>
            <FieldError errors={errors} field={rowField} />
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, ""])}>
        Add to {attribute.name}
      </button>
      <FieldError errors={errors} field={field} />
    </fieldset>
  );
}

/** The input for one attribute of an entry. */
export function AttributeField(props: FieldProps) {
  return props.attribute.kind === "REFERENCE" ? <References {...props} /> : <Texts {...props} />;
}
