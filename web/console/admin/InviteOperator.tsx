// "Invite operator": email, name and role; the service adds the account and
// mails the one-time sign-in link.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FieldError, FormAlert, fieldA11y } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { ROLES, type Role } from "../ui/role.js";
import { InviteOperatorMutation, type AdminOperator } from "./Operators.graphql.js";

const FIELDS = ["input.email", "input.name", "input.role"] as const;

/** The invite form; `onInvited` once the API has added the operator. */
export function InviteOperator({ onInvited, onCancel }: { onInvited: (operator: AdminOperator) => void; onCancel: () => void }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("VIEWER");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, run] = useMutation(InviteOperatorMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run({ input: { email, name, role } });
    const data = result.data?.inviteOperator;
    setErrors(formErrors(data, result.error, FIELDS));
    if (data?.__typename === "Operator") onInvited(data);
  };
  return (
    <form className="admin-form" aria-labelledby="invite-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="invite-title">Invite operator</h2>
      <FormAlert errors={errors} />
      <label htmlFor="invite-email">Email</label>
      <input id="invite-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} {...fieldA11y(errors, "input.email")} />
      <FieldError errors={errors} field="input.email" />
      <label htmlFor="invite-name">Name</label>
      <input id="invite-name" value={name} onChange={(e) => setName(e.target.value)} {...fieldA11y(errors, "input.name")} />
      <FieldError errors={errors} field="input.name" />
      <label htmlFor="invite-role">Role</label>
      <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)} {...fieldA11y(errors, "input.role")}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field="input.role" />
      <div className="form-actions">
        <button type="submit" disabled={state.fetching}>
          Send invite
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
