// "Invite operator": email, name and role; the service adds the account and
// mails the one-time sign-in link.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormAlert } from "../ui/FieldError.js";
import { FormActions, RoleField, TextField } from "../ui/FormFields.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import type { Role } from "../ui/role.js";
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
      <TextField id="invite-email" label="Email" field="input.email" errors={errors} type="email" autoComplete="off" value={email} onValue={setEmail} />
      <TextField id="invite-name" label="Name" field="input.name" errors={errors} value={name} onValue={setName} />
      <RoleField id="invite-role" label="Role" field="input.role" errors={errors} value={role} onValue={setRole} />
      <FormActions submit="Send invite" primary={false} busy={state.fetching} onCancel={onCancel} />
    </form>
  );
}
