// The fields an incident and each of its updates share: status, message,
// affected components with their impact, and whether subscribers are told.
import { useId } from "react";
import { FieldError, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import { IMPACT_CHOICES, STATUS_CHOICES, type ImpactLevel, type IncidentStatus } from "./meanings.js";
import { MessageField } from "./MessageField.js";
import "./incidents.css";

/** What the operator has entered; `impacts` holds a level per component they marked affected. */
export interface IncidentEntry {
  name: string;
  status: IncidentStatus;
  message: string;
  impacts: Record<string, ImpactLevel | undefined>;
  notify: boolean;
}

/** The entered impacts as the API takes them. */
export function impactsInput(entry: IncidentEntry): { componentId: string; impact: ImpactLevel }[] {
  return Object.entries(entry.impacts).flatMap(([componentId, impact]) => (impact ? [{ componentId, impact }] : []));
}

interface FieldsProps {
  entry: IncidentEntry;
  onChange: (entry: IncidentEntry) => void;
  errors: FormErrors;
  components: readonly { id: string; name: string }[];
}

function StatusField({ entry, onChange, errors }: Omit<FieldsProps, "components">) {
  const id = useId();
  return (
    <fieldset className="field choices" {...fieldA11y(errors, "input.status")}>
      <legend>Status</legend>
      {STATUS_CHOICES.map((choice) => (
        <div key={choice.value} className="choice">
          <input
            type="radio"
            id={`${id}-${choice.value}`}
            name={`${id}-status`}
            value={choice.value}
            checked={entry.status === choice.value}
            onChange={() => onChange({ ...entry, status: choice.value })}
            aria-describedby={`${id}-${choice.value}-meaning`}
          />
          <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          <span className="muted" id={`${id}-${choice.value}-meaning`}>
            {choice.meaning}
          </span>
        </div>
      ))}
      <FieldError errors={errors} field="input.status" />
    </fieldset>
  );
}

function ImpactField({ entry, onChange, errors, components }: FieldsProps) {
  const id = useId();
  const resolving = entry.status === "RESOLVED";
  return (
    <fieldset className="field" {...fieldA11y(errors, "input.impacts")}>
      <legend>Affected components</legend>
      {resolving && <p className="muted">Resolving ends every impact.</p>}
      <dl className="impact-meanings">
        {IMPACT_CHOICES.map((choice) => (
          <div key={choice.value}>
            <dt>{choice.label}</dt>
            <dd>{choice.meaning}</dd>
          </div>
        ))}
      </dl>
      {components.length === 0 && <p>This page has no components.</p>}
      <ul className="impact-list">
        {components.map((component) => (
          <li key={component.id}>
            <label htmlFor={`${id}-${component.id}`}>{component.name}</label>
            <select
              id={`${id}-${component.id}`}
              value={entry.impacts[component.id] ?? ""}
              disabled={resolving}
              onChange={(e) => onChange({ ...entry, impacts: { ...entry.impacts, [component.id]: (e.target.value || undefined) as ImpactLevel | undefined } })}
            >
              <option value="">Not affected</option>
              {IMPACT_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <FieldError errors={errors} field="input.impacts" />
    </fieldset>
  );
}

/** Status, Message, Affected components and Notify subscribers, with each field's errors beside it. */
export function IncidentEntryFields(props: FieldsProps) {
  const { entry, onChange, errors } = props;
  return (
    <>
      <StatusField entry={entry} onChange={onChange} errors={errors} />
      <MessageField value={entry.message} onChange={(message) => onChange({ ...entry, message })} errors={errors} field="input.message" />
      <ImpactField {...props} />
      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={entry.notify} onChange={(e) => onChange({ ...entry, notify: e.target.checked })} /> Notify subscribers
        </label>
      </div>
    </>
  );
}

/** Every field path the form shows errors beside; others go to the form's alert. */
export const SHOWN_FIELDS = ["input.name", "input.status", "input.message", "input.impacts"] as const;
