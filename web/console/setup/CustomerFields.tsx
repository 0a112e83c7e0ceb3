// The runbook's "Customer pages" and "Pages" for a customer page: the catalog
// type whose entries are the customers, its attributes for components and
// allowed email domains, and each customer's sub-page name and URL.
import { useId } from "react";
import { slugify } from "../../../server/domain/slug.js";
import type { ResultOf } from "../../src/graphql.js";
import { FieldError, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import type { SetupCatalogQuery } from "./StatusPageSetup.graphql.js";

type CatalogType = ResultOf<typeof SetupCatalogQuery>["catalogTypes"][number];

/** A customer's sub-page as entered; empty fields follow the entry's name. */
export interface SubPageEntry {
  name: string;
  slug: string;
}

/** What the operator chose for a customer page. */
export interface CustomerChoice {
  typeId: string;
  componentsAttribute: string;
  emailDomainsAttribute: string;
  subPages: Record<string, SubPageEntry>;
}

export const EMPTY_CUSTOMER: CustomerChoice = { typeId: "", componentsAttribute: "", emailDomainsAttribute: "", subPages: {} };

/** The input paths these fields show errors for. */
export const CUSTOMER_FIELDS = ["input.customerType", "input.componentsAttribute", "input.emailDomainsAttribute", "input.subPages"] as const;

/** createStatusPage's customer fields for `choice`. */
export function customerInput(choice: CustomerChoice, type: CatalogType | undefined) {
  return {
    kind: "CUSTOMER" as const,
    customerType: choice.typeId || undefined,
    componentsAttribute: choice.componentsAttribute || undefined,
    emailDomainsAttribute: choice.emailDomainsAttribute || undefined,
    subPages: (type?.entries ?? []).map((entry) => {
      const sub = choice.subPages[entry.id];
      return { entry: entry.id, name: sub?.name || undefined, slug: sub?.slug || undefined };
    }),
  };
}

function Select({
  label,
  value,
  options,
  field,
  errors,
  onChange,
}: {
  label: string;
  value: string;
  options: { id: string; name: string }[];
  field: string;
  errors: FormErrors;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...fieldA11y(errors, field)}>
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field={field} />
    </div>
  );
}

function SubPageFields({ entry, value, onChange }: { entry: { id: string; name: string }; value: SubPageEntry; onChange: (value: SubPageEntry) => void }) {
  const nameId = useId();
  const urlId = useId();
  return (
    <fieldset className="field">
      <legend>{entry.name}</legend>
      <label htmlFor={nameId}>Page name</label>
      <input id={nameId} value={value.name} placeholder={entry.name} onChange={(e) => onChange({ ...value, name: e.target.value })} />
      <label htmlFor={urlId}>URL</label>
      <input id={urlId} value={value.slug} placeholder={slugify(value.name || entry.name)} onChange={(e) => onChange({ ...value, slug: e.target.value })} />
    </fieldset>
  );
}

/** The customer page's catalog choices and sub-pages. */
export function CustomerFields({
  types,
  choice,
  onChange,
  errors,
}: {
  types: readonly CatalogType[];
  choice: CustomerChoice;
  onChange: (choice: CustomerChoice) => void;
  errors: FormErrors;
}) {
  const type = types.find((t) => t.id === choice.typeId);
  const attributes = (kind: string) => (type?.attributes ?? []).filter((a) => a.kind === kind);
  return (
    <>
      <section aria-labelledby="customer-pages">
        <h2 id="customer-pages">Customer pages</h2>
        <label className="field">
          <input type="radio" name="customer-source" checked readOnly /> Use an existing catalog type
        </label>
        <Select
          label="Which catalog type defines the customers you'd like to create?"
          value={choice.typeId}
          options={[...types]}
          field="input.customerType"
          errors={errors}
          onChange={(typeId) => onChange({ ...EMPTY_CUSTOMER, typeId })}
        />
        <Select
          label="Which catalog attribute represents your components?"
          value={choice.componentsAttribute}
          options={attributes("REFERENCE")}
          field="input.componentsAttribute"
          errors={errors}
          onChange={(componentsAttribute) => onChange({ ...choice, componentsAttribute })}
        />
        <Select
          label="Which catalog attribute represents allowed email domains?"
          value={choice.emailDomainsAttribute}
          options={attributes("EMAIL_DOMAIN")}
          field="input.emailDomainsAttribute"
          errors={errors}
          onChange={(emailDomainsAttribute) => onChange({ ...choice, emailDomainsAttribute })}
        />
      </section>
      <section aria-labelledby="sub-pages">
        <h2 id="sub-pages">Pages</h2>
        {!type && <p>Choose a catalog type to name its customers' pages.</p>}
        {type?.entries.length === 0 && <p>This catalog type has no entries yet.</p>}
        {type?.entries.map((entry) => (
          <SubPageFields
            key={entry.id}
            entry={entry}
            value={choice.subPages[entry.id] ?? { name: "", slug: "" }}
            onChange={(sub) => onChange({ ...choice, subPages: { ...choice.subPages, [entry.id]: sub } })}
          />
        ))}
        <FieldError errors={errors} field="input.subPages" />
      </section>
    </>
  );
}
