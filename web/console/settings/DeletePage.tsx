// The danger zone: "Delete status page" opens a confirmation naming the page,
// whose Delete stays disabled until the page's title is typed.
import { useEffect, useId, useRef, useState } from "react";
import { useMutation } from "urql";
import { navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import { DeleteStatusPageMutation, type SettingsPage } from "./PageSettings.graphql.js";

function consequences(page: SettingsPage): string {
  const what = page.kind === "CUSTOMER" ? "its sub-pages, incidents and maintenance" : "its incidents and maintenance";
  return `The page is deleted with ${what}; /${page.slug} stops working. This cannot be undone.`;
}

/** The danger zone of `page`'s settings; on success the console goes back to the page list. */
export function DeletePage({ page, onReload }: { page: SettingsPage; onReload: () => void }) {
  const titleId = useId();
  const typedId = useId();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, remove] = useMutation(DeleteStatusPageMutation);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (confirming) dialog.current?.showModal();
    else dialog.current?.close();
  }, [confirming]);

  const open = () => {
    setTyped("");
    setErrors(NO_ERRORS);
    setConfirming(true);
  };
  const onDelete = async () => {
    const result = await remove({ id: page.id, expectedVersion: page.version });
    const answer = result.data?.deleteStatusPage;
    if (answer?.__typename !== "StatusPage") {
      setErrors(formErrors(answer, result.error));
      return;
    }
    setConfirming(false);
    navigate(consolePath());
  };
  return (
    <section aria-labelledby="danger-zone" className="danger-zone">
      <h2 id="danger-zone">Danger zone</h2>
      <p>{consequences(page)}</p>
      <button type="button" className="danger" onClick={open}>
        Delete status page
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} onClose={() => setConfirming(false)}>
        <h2 id={titleId}>{`Delete “${page.title}”?`}</h2>
        <p>{consequences(page)}</p>
        <FormAlert errors={errors} />
        {errors.stale && (
          <StaleVersionNotice
            stale={errors.stale}
            onReload={() => {
              setConfirming(false);
              onReload();
            }}
          />
        )}
        <label htmlFor={typedId}>{`Type “${page.title}” to confirm`}</label>
        <input id={typedId} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
        <div className="form-actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void onDelete()} disabled={state.fetching || typed.trim() !== page.title}>
            Delete permanently
          </button>
        </div>
      </dialog>
    </section>
  );
}
