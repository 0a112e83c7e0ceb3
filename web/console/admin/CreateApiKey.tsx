// "Create API key": a name and a scope (one of the operators' roles); on success
// the screen shows the secret once (CreatedSecret).
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormAlert } from "../ui/FieldError.js";
import { FormActions, RoleField, TextField } from "../ui/FormFields.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import type { Role } from "../ui/role.js";
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
      <TextField id="key-name" label="Name" field="input.name" errors={errors} value={name} onValue={setName} />
      <RoleField
        id="key-scope"
        label="Scope"
        field="input.scope"
        errors={errors}
        value={scope}
        onValue={setScope}
        hint="The key may do what an operator with this role may do."
      />
      <FormActions submit="Create key" busy={state.fetching} onCancel={onCancel} />
    </form>
  );
}
