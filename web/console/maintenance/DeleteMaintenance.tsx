// The runbook's "Deleting maintenance": `...` → Delete status page incident →
// a confirmation naming it → Delete incident.
import { useState } from "react";
import { useMutation } from "urql";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import { DeleteMaintenanceMutation } from "./Maintenance.graphql.js";

/** The "More actions" menu with the delete confirmation; `onDeleted` after the API confirmed it. */
export function DeleteMaintenance({
  id,
  name,
  version,
  onDeleted,
  onReload,
}: {
  id: string;
  name: string;
  version: number;
  onDeleted: () => void;
  onReload: () => void;
}) {
  const [menu, setMenu] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, run] = useMutation(DeleteMaintenanceMutation);
  const remove = async () => {
    const result = await run({ id, expectedVersion: version });
    const data = result.data?.deleteMaintenance;
    setErrors(formErrors(data, result.error));
    if (data?.__typename === "Maintenance") onDeleted();
  };
  return (
    <div className="more-actions">
      <button type="button" aria-label="More actions" aria-expanded={menu} onClick={() => setMenu(!menu)}>
        ...
      </button>
      {menu && (
        <button type="button" onClick={() => setConfirming(true)}>
          Delete status page incident
        </button>
      )}
      {confirming && (
        <div role="dialog" aria-modal="false" aria-labelledby="delete-title" className="confirm">
          <h2 id="delete-title">Delete “{name}”?</h2>
          <p>It disappears from the status page. This cannot be undone.</p>
          <FormAlert errors={errors} />
          {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
          <button type="button" className="danger" disabled={state.fetching} onClick={() => void remove()}>
            Delete incident
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
