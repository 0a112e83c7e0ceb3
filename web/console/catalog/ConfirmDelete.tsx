// Deleting a catalog type or entry: a confirmation naming it, and the refusal
// ("in use by …") or stale-version notice when the API says no.
import { useRef, useState } from "react";
import type { CombinedError } from "urql";
import { ConfirmDialog } from "../ui/ConfirmDialog.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";

/** `Delete <name>` → confirmation → `Delete`; `remove` runs the mutation and answers its field and request error. */
export function ConfirmDelete({
  name,
  detail,
  remove,
  onDeleted,
  onReload,
}: {
  name: string;
  detail: string;
  remove: () => Promise<{ data: { __typename?: string } | null | undefined; error?: CombinedError }>;
  onDeleted: () => void;
  onReload: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setConfirming(false);
    setErrors(NO_ERRORS);
  };
  const run = async () => {
    setBusy(true);
    const { data, error } = await remove();
    setBusy(false);
    setErrors(formErrors(data, error));
    if (data && !error && formErrors(data).form === null) onDeleted();
  };
  const titleId = `delete-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <>
      <button type="button" className="danger" ref={opener} onClick={() => setConfirming(true)}>
        Delete {name}
      </button>
      <ConfirmDialog open={confirming} onClose={close} labelledBy={titleId} returnFocus={opener}>
        <h3 id={titleId}>Delete “{name}”?</h3>
        <p>{detail}</p>
        <FormAlert errors={errors} />
        {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void run()}>
            Delete
          </button>
        </div>
      </ConfirmDialog>
    </>
  );
}
