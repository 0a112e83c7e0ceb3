// The pieces every console form repeats: a labelled field with its errors beside it,
// the role select, and the submit / Cancel row.
import type { InputHTMLAttributes } from "react";
import { FieldError, fieldA11y } from "./FieldError.js";
import type { FormErrors } from "./mutation-errors.js";
import { ROLES, type Role } from "./role.js";

interface Labelled {
  id: string;
  label: string;
  /** The input path the API names in its errors, e.g. "input.name". */
  field: string;
  errors: FormErrors;
}

/** A labelled text input; further props go to the input. */
export function TextField({
  id,
  label,
  field,
  errors,
  value,
  onValue,
  ...input
}: Labelled & { value: string; onValue: (value: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange">) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} value={value} onChange={(e) => onValue(e.target.value)} {...fieldA11y(errors, field)} />
      <FieldError errors={errors} field={field} />
    </>
  );
}

/** A labelled select of the operators' roles, with `hint` under it. */
export function RoleField({ id, label, field, errors, value, onValue, hint }: Labelled & { value: Role; onValue: (role: Role) => void; hint?: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.target.value as Role)} {...fieldA11y(errors, field)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {hint ? <p className="muted">{hint}</p> : null}
      <FieldError errors={errors} field={field} />
    </>
  );
}

/** The submit button (disabled while `busy`) and Cancel. */
export function FormActions({ submit, busy, onCancel, primary = true }: { submit: string; busy: boolean; onCancel: () => void; primary?: boolean }) {
  return (
    <div className="form-actions">
      <button type="submit" className={primary ? "primary" : undefined} disabled={busy}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
