// A public page's components: the ones without a heading, then each group with
// its name, every list ordered with Move up / Move down, components added from
// the catalog and removed. Saving replaces the page's whole layout.
import { type ReactNode, useId, useState } from "react";
import { FieldError, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import { moved, type LayoutDraft, type LayoutItem } from "./layout-draft.js";

/** Catalog types and their entries: what may be put on the page. */
export type ComponentCatalog = readonly { id: string; name: string; entries: readonly LayoutItem[] }[];

function AddComponent({ title, catalog, used, onAdd }: { title: string; catalog: ComponentCatalog; used: Set<string>; onAdd: (item: LayoutItem) => void }) {
  const id = useId();
  const [chosen, setChosen] = useState("");
  const entry = catalog.flatMap((t) => t.entries).find((e) => e.id === chosen);
  return (
    <div className="add-component">
      <label htmlFor={id}>{`Add a component under “${title}”`}</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">Choose…</option>
        {catalog.map((type) => {
          const free = type.entries.filter((e) => !used.has(e.id));
          return (
            free.length > 0 && (
              <optgroup key={type.id} label={type.name}>
                {free.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </optgroup>
            )
          );
        })}
      </select>
      <button
        type="button"
        disabled={!entry}
        onClick={() => {
          if (entry) onAdd({ id: entry.id, name: entry.name });
          setChosen("");
        }}
      >
        {`Add under “${title}”`}
      </button>
    </div>
  );
}

interface ComponentListProps {
  title: string;
  items: LayoutItem[];
  field: string;
  errors: FormErrors;
  catalog: ComponentCatalog;
  used: Set<string>;
  onChange: (items: LayoutItem[]) => void;
}

function ComponentList({ title, items, field, errors, catalog, used, onChange }: ComponentListProps) {
  return (
    <>
      {items.length === 0 && <p className="muted">No components.</p>}
      <ol className="layout-list">
        {items.map((c, i) => (
          <li key={c.id}>
            <span>{c.name}</span>
            <button type="button" aria-label={`Move ${c.name} up`} disabled={i === 0} onClick={() => onChange(moved(items, i, -1))}>
              ↑
            </button>
            <button type="button" aria-label={`Move ${c.name} down`} disabled={i === items.length - 1} onClick={() => onChange(moved(items, i, 1))}>
              ↓
            </button>
            <button type="button" aria-label={`Remove ${c.name}`} onClick={() => onChange(items.filter((x) => x.id !== c.id))}>
              Remove
            </button>
            <FieldError errors={errors} field={`${field}.${i}`} />
          </li>
        ))}
      </ol>
      <FieldError errors={errors} field={field} />
      <AddComponent title={title} catalog={catalog} used={used} onAdd={(item) => onChange([...items, item])} />
    </>
  );
}

let newGroups = 0;

/** The layout editor; `catalog` offers the entries not on the page yet. */
export function LayoutFields({
  layout,
  catalog,
  errors,
  onChange,
}: {
  layout: LayoutDraft;
  catalog: ComponentCatalog;
  errors: FormErrors;
  onChange: (layout: LayoutDraft) => void;
}) {
  const used = new Set([...layout.ungrouped, ...layout.groups.flatMap((g) => g.components)].map((c) => c.id));
  const shared = { catalog, used, errors };
  const setGroup = (gi: number, patch: Partial<LayoutDraft["groups"][number]>) =>
    onChange({ ...layout, groups: layout.groups.map((g, j) => (j === gi ? { ...g, ...patch } : g)) });
  return (
    <section aria-labelledby="page-layout">
      <h2 id="page-layout">Components</h2>
      <p className="hint">Components without a heading come first, then each group in order.</p>
      <fieldset className="field layout-section">
        <legend>Without a heading</legend>
        <ComponentList
          {...shared}
          title="no heading"
          items={layout.ungrouped}
          field="input.components"
          onChange={(ungrouped) => onChange({ ...layout, ungrouped })}
        />
      </fieldset>
      {layout.groups.map((g, gi) => (
        <GroupFields key={g.key} index={gi} name={g.name} errors={errors} onName={(name) => setGroup(gi, { name })}>
          <ComponentList
            {...shared}
            title={g.name || `group ${gi + 1}`}
            items={g.components}
            field={`input.groups.${gi}.components`}
            onChange={(components) => setGroup(gi, { components })}
          />
          <div className="form-actions">
            <button type="button" disabled={gi === 0} onClick={() => onChange({ ...layout, groups: moved(layout.groups, gi, -1) })}>
              {`Move group ${gi + 1} up`}
            </button>
            <button type="button" onClick={() => onChange({ ...layout, groups: layout.groups.filter((_, j) => j !== gi) })}>
              {`Remove group ${gi + 1}`}
            </button>
          </div>
        </GroupFields>
      ))}
      <button type="button" onClick={() => onChange({ ...layout, groups: [...layout.groups, { key: `new-${++newGroups}`, name: "", components: [] }] })}>
        Add group
      </button>
    </section>
  );
}

function GroupFields({
  index,
  name,
  errors,
  onName,
  children,
}: {
  index: number;
  name: string;
  errors: FormErrors;
  onName: (name: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  const field = `input.groups.${index}.name`;
  return (
    <fieldset className="field layout-section">
      <legend>{`Group ${index + 1}`}</legend>
      <label htmlFor={id}>Group name</label>
      <input id={id} value={name} onChange={(e) => onName(e.target.value)} {...fieldA11y(errors, field)} />
      <FieldError errors={errors} field={field} />
      {children}
    </fieldset>
  );
}
