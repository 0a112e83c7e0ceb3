// The runbook's "Deleting an incident": `...` → Delete status page incident →
// a confirmation naming the incident → Delete incident.
import { useId, useRef, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../src/graphql.js";
import { ConfirmDialog } from "../ui/ConfirmDialog.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, isMutationError, MutationErrorFields, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";

const DeleteIncidentMutation = graphql(
  `
  mutation ConsoleDeleteIncident($id: ID!, $expectedVersion: Int) {
    deleteIncident(id: $id, expectedVersion: $expectedVersion) {
      __typename
      ... on Incident { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

interface DeleteIncidentProps {
  incident: { id: string; name: string; version: number };
  onDeleted: () => void;
  onReload: () => void;
}

/** The "More actions" menu with its delete confirmation. */
export function IncidentActions({ incident, onDeleted, onReload }: DeleteIncidentProps) {
  const menuId = useId();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, remove] = useMutation(DeleteIncidentMutation);
  // The menu item that opens the confirmation is hidden by then: focus comes back to the menu's button.
  const menuButton = useRef<HTMLButtonElement>(null);

  const onDelete = async () => {
    const result = await remove({ id: incident.id, expectedVersion: incident.version });
    const answer = result.data?.deleteIncident;
    if (result.error || isMutationError(answer)) {
      setErrors(formErrors(answer, result.error));
      return;
    }
    setConfirming(false);
    onDeleted();
  };

  return (
    <div className="more-actions">
      <button type="button" ref={menuButton} aria-label="More actions" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        …
      </button>
      <div id={menuId} className="action-menu" hidden={!open}>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setErrors(NO_ERRORS);
            setConfirming(true);
          }}
        >
          Delete status page incident
        </button>
      </div>
      <ConfirmDialog open={confirming} onClose={() => setConfirming(false)} labelledBy={titleId} returnFocus={menuButton}>
        <h2 id={titleId}>Delete “{incident.name}”?</h2>
        <p>It vanishes from the status page and its history. This cannot be undone.</p>
        <FormAlert errors={errors} />
        {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
        <div className="form-actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={onDelete} disabled={state.fetching}>
            Delete incident
          </button>
        </div>
      </ConfirmDialog>
    </div>
  );
}
