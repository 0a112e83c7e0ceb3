// A field's messages from formErrors(), tied to its input for screen readers.
import type { FormErrors } from "./mutation-errors.js";

/** The id of a field's error text, for the input's aria-describedby. */
export const fieldErrorId = (field: string) => `error-${field.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** Spread onto an input: marks it invalid and points at its messages when it has any. */
export function fieldA11y(errors: FormErrors, field: string): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return errors.fields[field]?.length ? { "aria-invalid": true, "aria-describedby": fieldErrorId(field) } : {};
}

/** The messages for one input path, e.g. `field="input.name"`; nothing when it has none. */
export function FieldError({ errors, field }: { errors: FormErrors; field: string }) {
  const messages = errors.fields[field];
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={fieldErrorId(field)}>
      {messages.join(" ")}
    </p>
  );
}

/** The form-level alert, announced when it appears. */
export function FormAlert({ errors }: { errors: FormErrors }) {
  if (!errors.form) return null;
  return (
    <div className="form-alert" role="alert">
      {errors.form}
    </div>
  );
}
