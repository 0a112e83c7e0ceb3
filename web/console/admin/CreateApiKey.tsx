// "Create API key": a name and a scope (one of the operators' roles); on success
// the screen shows the secret once (CreatedSecret).
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FieldError, FormAlert, fieldA11y } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { ROLES, type Role } from "../ui/role.js";
import { CreateApiKeyMutation, type CreatedKey } from "./ApiKeys.graphql.js";

const FIELDS = ["input.name", "input.scope"] as const;

/** The create form; `onCreated` with the new key and its secret. */
export function CreateApiKey({ onCreated, onCancel }: { onCreated: (created: CreatedKey) => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Role>("VIEWER");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, run] = useMutation(CreateApiKeyMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run({ input: { name, scope } });
    const data = result.data?.createApiKey;
    setErrors(formErrors(data, result.error, FIELDS));
    if (data?.__typename === "CreatedApiKey") onCreated(data);
  };
  return (
    <form className="admin-form" aria-labelledby="create-key-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="create-key-title">Create API key</h2>
      <FormAlert errors={errors} />
      <label htmlFor="key-name">Name</label>
      <input id="key-name" value={name} onChange={(e) => setName(e.target.value)} {...fieldA11y(errors, "input.name")} />
      <FieldError errors={errors} field="input.name" />
      <label htmlFor="key-scope">Scope</label>
      <select id="key-scope" value={scope} onChange={(e) => setScope(e.target.value as Role)} {...fieldA11y(errors, "input.scope")}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <p className="muted">The key may do what an operator with this role may do.</p>
      <FieldError errors={errors} field="input.scope" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={state.fetching}>
          Create key
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
