// The "More actions" menu of an incident or a maintenance, with the confirmation of its
// delete: the runbook's `...` → Delete status page incident → a confirmation naming it.
import { type ReactNode, useId, useRef, useState } from "react";
import type { CombinedError } from "urql";
import { ConfirmDialog } from "./ConfirmDialog.js";
import { FormAlert } from "./FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "./mutation-errors.js";
import { StaleVersionNotice } from "./StaleVersionNotice.js";

/** A delete's answer: the deleted object's type name, or a typed error. */
export interface DeleteAnswer {
  data: { __typename?: string } | null | undefined;
  error?: CombinedError | null;
}

interface DeleteMenuProps {
  /** The name the confirmation asks about. */
  name: string;
  /** What deleting does, said in the confirmation. */
  consequence: ReactNode;
  /** The type name the API answers with on success. */
  deleted: string;
  remove: () => Promise<DeleteAnswer>;
  /** The delete is under way (the mutation's `fetching`). */
  busy: boolean;
  onDeleted: () => void;
  onReload: () => void;
}

/** The "More actions" menu with its delete confirmation; `onDeleted` once the API confirmed the delete. */
export function DeleteMenu({ name, consequence, deleted, remove, busy, onDeleted, onReload }: DeleteMenuProps) {
  const menuId = useId();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // The menu item that opens the confirmation is hidden by then: focus comes back to the menu's button.
  const menuButton = useRef<HTMLButtonElement>(null);

  const onDelete = async () => {
    const { data, error } = await remove();
    setErrors(formErrors(data, error));
    if (!error && data?.__typename === deleted) {
      setConfirming(false);
      onDeleted();
    }
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
        <h2 id={titleId}>Delete “{name}”?</h2>
        <p>{consequence}</p>
        <FormAlert errors={errors} />
        {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
        <div className="form-actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void onDelete()} disabled={busy}>
            Delete incident
          </button>
        </div>
      </ConfirmDialog>
    </div>
  );
}
