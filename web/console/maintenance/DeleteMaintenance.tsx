// The runbook's "Deleting maintenance": `...` → Delete status page incident →
// a confirmation naming it → Delete incident.
import { useId, useRef, useState } from "react";
import { useMutation } from "urql";
import { ConfirmDialog } from "../ui/ConfirmDialog.js";
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
  const titleId = useId();
  // The menu item that opens the confirmation is gone by then: focus comes back to the menu's button.
  const menuButton = useRef<HTMLButtonElement>(null);
  const remove = async () => {
    const result = await run({ id, expectedVersion: version });
    const data = result.data?.deleteMaintenance;
    setErrors(formErrors(data, result.error));
    if (data?.__typename === "Maintenance") onDeleted();
  };
  return (
    <div className="more-actions">
      <button type="button" ref={menuButton} aria-label="More actions" aria-expanded={menu} onClick={() => setMenu(!menu)}>
        ...
      </button>
      {menu && (
        <div className="action-menu">
          <button
            type="button"
            onClick={() => {
              setMenu(false);
              setErrors(NO_ERRORS);
              setConfirming(true);
            }}
          >
            Delete status page incident
          </button>
        </div>
      )}
      <ConfirmDialog open={confirming} onClose={() => setConfirming(false)} labelledBy={titleId} returnFocus={menuButton}>
        <h2 id={titleId}>Delete “{name}”?</h2>
        <p>It disappears from the status page. This cannot be undone.</p>
        <FormAlert errors={errors} />
        {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
        <div className="form-actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={state.fetching} onClick={() => void remove()}>
            Delete incident
          </button>
        </div>
      </ConfirmDialog>
    </div>
  );
}
