// The audit log's filters as a form: one control per field of the API's AuditLogFilter,
// plus the page size. Applying them changes the URL; the screen reads the log from it.
import { useState, type FormEvent, type ReactNode } from "react";
import { navigate } from "../../src/router.js";
import { fromLocalInput, toLocalInput } from "../maintenance/local-time.js";
import { FieldError, FormAlert, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import type { AuditLogFilter } from "./AuditLog.graphql.js";
import { AuditActorSelect } from "./AuditActorSelect.js";
import { ACTOR_KINDS, OBJECT_TYPES, PAGE_SIZES, auditViewPath, type AuditView } from "./audit-view.js";
import { browserZone, humanize } from "./audit-entry.js";

/** The input paths the form shows errors beside; the API's issues name these. */
export const FILTER_FIELDS = ["filter.actorId", "filter.actorKind", "filter.objectType", "filter.objectId", "filter.from", "filter.to", "first"] as const;

const ZONE_HINT = "audit-zone-hint";

interface Draft {
  actorId: string;
  actorKind: string;
  objectType: string;
  objectId: string;
  from: string;
  to: string;
  size: string;
}

function draftOf({ filter, size }: AuditView): Draft {
  return {
    actorId: filter.actorId ? String(filter.actorId) : "",
    actorKind: filter.actorKind ?? "",
    objectType: filter.objectType ?? "",
    objectId: filter.objectId ? String(filter.objectId) : "",
    from: filter.from ? toLocalInput(filter.from) : "",
    to: filter.to ? toLocalInput(filter.to) : "",
    size: String(size),
  };
}

/** The view the form describes; local times become UTC instants, empty fields are left out. */
function viewOf(d: Draft): AuditView {
  const filter: AuditLogFilter = {};
  const objectType = OBJECT_TYPES.find((t) => t === d.objectType);
  const [from, to, objectId] = [fromLocalInput(d.from), fromLocalInput(d.to), d.objectId.trim()];
  if (d.actorId) filter.actorId = d.actorId;
  if (d.actorKind) filter.actorKind = d.actorKind;
  if (objectType) filter.objectType = objectType;
  if (objectId) filter.objectId = objectId;
  if (from) filter.from = from;
  if (to) filter.to = to;
  return { filter, size: Number(d.size) };
}

/** Points a date field at the zone hint and, when it has one, at its error. */
function describedBy(errors: FormErrors, field: string) {
  const a11y = fieldA11y(errors, field);
  return { ...a11y, "aria-describedby": [ZONE_HINT, a11y["aria-describedby"]].filter(Boolean).join(" ") };
}

/** A labelled control with the API's messages for `field` below it. */
function Field({ id, label, field, errors, children }: { id: string; label: string; field: string; errors: FormErrors; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldError errors={errors} field={field} />
    </div>
  );
}

/** The filter form for `view`; `errors` are the API's answer to it. */
export function AuditLogFilters({ view, errors }: { view: AuditView; errors: FormErrors }) {
  const [draft, setDraft] = useState(() => draftOf(view));
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(auditViewPath(viewOf(draft)));
  };
  return (
    <form className="audit-filters" aria-label="Audit log filters" onSubmit={submit} noValidate>
      <FormAlert errors={errors} />
      <div className="audit-filter-fields">
        <Field id="audit-actor" label="Actor" field="filter.actorId" errors={errors}>
          <AuditActorSelect value={draft.actorId} onChange={set("actorId")} errors={errors} />
        </Field>
        <Field id="audit-actor-kind" label="Actor kind" field="filter.actorKind" errors={errors}>
          <select id="audit-actor-kind" value={draft.actorKind} onChange={set("actorKind")} {...fieldA11y(errors, "filter.actorKind")}>
            <option value="">Any kind</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="audit-object-type" label="Object type" field="filter.objectType" errors={errors}>
          <select id="audit-object-type" value={draft.objectType} onChange={set("objectType")} {...fieldA11y(errors, "filter.objectType")}>
            <option value="">Any type</option>
            {OBJECT_TYPES.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="audit-object-id" label="Object id" field="filter.objectId" errors={errors}>
          <input id="audit-object-id" value={draft.objectId} onChange={set("objectId")} {...fieldA11y(errors, "filter.objectId")} />
        </Field>
        <Field id="audit-from" label="From" field="filter.from" errors={errors}>
          <input id="audit-from" type="datetime-local" value={draft.from} onChange={set("from")} {...describedBy(errors, "filter.from")} />
        </Field>
        <Field id="audit-to" label="To" field="filter.to" errors={errors}>
          <input id="audit-to" type="datetime-local" value={draft.to} onChange={set("to")} {...describedBy(errors, "filter.to")} />
        </Field>
        <Field id="audit-size" label="Entries per page" field="first" errors={errors}>
          <select id="audit-size" value={draft.size} onChange={set("size")} {...fieldA11y(errors, "first")}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p id={ZONE_HINT} className="muted">
        From and To are in your time zone, {browserZone()}.
      </p>
      <div className="form-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button type="button" onClick={() => navigate(auditViewPath({ filter: {}, size: Number(draft.size) }))}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
