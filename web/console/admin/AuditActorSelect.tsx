// The audit log's actor filter: anyone, or one operator or API key by name.
import { useQuery } from "urql";
import { fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import { AuditActorsQuery } from "./AuditLog.graphql.js";

interface Props {
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  errors: FormErrors;
}

/** Anyone, or one operator or API key (revoked keys included: their entries stay). */
export function AuditActorSelect({ value, onChange, errors }: Props) {
  const [result] = useQuery({ query: AuditActorsQuery });
  const operators = result.data?.operators.edges.map((e) => e.node) ?? [];
  const keys = result.data?.apiKeys ?? [];
  const known = !value || operators.some((o) => o.id === value) || keys.some((k) => k.id === value);
  return (
    <select id="audit-actor" value={value} onChange={onChange} {...fieldA11y(errors, "filter.actorId")}>
      <option value="">Anyone</option>
      {!known && <option value={value}>{`Actor ${value}`}</option>}
      <optgroup label="Operators">
        {operators.map((o) => (
          <option key={o.id} value={o.id}>
            {`${o.name} (${o.email})`}
          </option>
        ))}
      </optgroup>
      <optgroup label="API keys">
        {keys.map((k) => (
          <option key={k.id} value={k.id}>
            {k.revokedAt ? `${k.name} (revoked)` : k.name}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
