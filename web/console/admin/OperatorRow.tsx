// One operator in the list: role select, disable/enable with a confirmation,
// and the API's refusal (e.g. the last admin) shown beside them.
import { useRef, useState } from "react";
import { useMutation } from "urql";
import { formatDateTime } from "../../src/format.js";
import { ConfirmDialog } from "../ui/ConfirmDialog.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { ROLES, type Role } from "../ui/role.js";
import { DisableOperatorMutation, EnableOperatorMutation, SetOperatorRoleMutation, type AdminOperator } from "./Operators.graphql.js";

/** A table row for `operator`. */
export function OperatorRow({ operator }: { operator: AdminOperator }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [confirming, setConfirming] = useState(false);
  const [roleState, runRole] = useMutation(SetOperatorRoleMutation);
  const [disableState, runDisable] = useMutation(DisableOperatorMutation);
  const [enableState, runEnable] = useMutation(EnableOperatorMutation);
  const disabled = !!operator.disabledAt;
  const titleId = `toggle-${operator.id}`;
  const opener = useRef<HTMLButtonElement>(null);

  const changeRole = async (role: Role) => {
    const result = await runRole({ id: operator.id, role });
    setErrors(formErrors(result.data?.setOperatorRole, result.error));
  };
  const toggle = async () => {
    if (disabled) {
      const result = await runEnable({ id: operator.id });
      setErrors(formErrors(result.data?.enableOperator, result.error));
    } else {
      const result = await runDisable({ id: operator.id });
      setErrors(formErrors(result.data?.disableOperator, result.error));
    }
    setConfirming(false);
  };
  return (
    <tr>
      <td>{operator.name}</td>
      <td>{operator.email}</td>
      <td>
        <select
          aria-label={`Role of ${operator.name}`}
          value={operator.role}
          disabled={roleState.fetching}
          onChange={(e) => void changeRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>{operator.lastSeenAt ? <time dateTime={operator.lastSeenAt}>{formatDateTime(operator.lastSeenAt)}</time> : "Never"}</td>
      <td>{disabled ? "Disabled" : "Active"}</td>
      <td>
        <FormAlert errors={errors} />
        <button type="button" ref={opener} aria-label={`${disabled ? "Enable" : "Disable"} ${operator.name}`} onClick={() => setConfirming(true)}>
          {disabled ? "Enable" : "Disable"}
        </button>
        <ConfirmDialog open={confirming} onClose={() => setConfirming(false)} labelledBy={titleId} returnFocus={opener}>
          <p id={titleId}>{disabled ? `Let ${operator.name} sign in again?` : `Disable ${operator.name}? Their sessions end now.`}</p>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className={disabled ? undefined : "danger"}
              disabled={disableState.fetching || enableState.fetching}
              onClick={() => void toggle()}
            >
              {disabled ? "Enable operator" : "Disable operator"}
            </button>
          </div>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
