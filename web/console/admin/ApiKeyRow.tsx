// One API key in the list: what it may do, when it was made and last used, and
// "Revoke" with a confirmation naming the key.
import { useState } from "react";
import { useMutation } from "urql";
import { formatDateTime } from "../../src/format.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { RevokeApiKeyMutation, type AdminApiKey } from "./ApiKeys.graphql.js";

function When({ at, never }: { at: string | null; never: string }) {
  return at ? <time dateTime={at}>{formatDateTime(at)}</time> : never;
}

/** A table row for `apiKey`; `createdBy` from the audit log, null when it has no record of it. */
export function ApiKeyRow({ apiKey, createdBy }: { apiKey: AdminApiKey; createdBy: string | null }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [confirming, setConfirming] = useState(false);
  const [state, run] = useMutation(RevokeApiKeyMutation);
  const titleId = `revoke-${apiKey.id}`;
  const revoke = async () => {
    const result = await run({ id: apiKey.id });
    setErrors(formErrors(result.data?.revokeApiKey, result.error));
    setConfirming(false);
  };
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>{apiKey.scope}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>
        <When at={apiKey.createdAt} never="" />
      </td>
      <td>{createdBy ?? <span className="muted">Not recorded</span>}</td>
      <td>
        <When at={apiKey.lastUsedAt} never="Never" />
      </td>
      <td>
        {apiKey.revokedAt ? (
          <>
            Revoked <When at={apiKey.revokedAt} never="" />
          </>
        ) : (
          "Active"
        )}
      </td>
      <td>
        <FormAlert errors={errors} />
        {!apiKey.revokedAt &&
          (confirming ? (
            <div role="dialog" aria-modal="false" aria-labelledby={titleId} className="confirm">
              <p id={titleId}>Revoke the API key “{apiKey.name}”? Anything using it is refused from its next request.</p>
              <button type="button" className="danger" disabled={state.fetching} onClick={() => void revoke()}>
                Revoke key
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" aria-label={`Revoke ${apiKey.name}`} onClick={() => setConfirming(true)}>
              Revoke
            </button>
          ))}
      </td>
    </tr>
  );
}
