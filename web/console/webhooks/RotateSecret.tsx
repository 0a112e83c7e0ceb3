// "Rotate secret" with a confirmation: the old secret stops signing at once.
import { useState } from "react";
import { useMutation } from "urql";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { RotateSecretMutation, type Endpoint } from "./Webhooks.graphql.js";

/** The button and its confirmation; `onRotated` with the new secret. */
export function RotateSecret({ endpoint, onRotated }: { endpoint: Endpoint; onRotated: (secret: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, run] = useMutation(RotateSecretMutation);
  const titleId = `rotate-${endpoint.id}-title`;
  const rotate = async () => {
    const result = await run({ id: endpoint.id });
    const data = result.data?.rotateWebhookSecret;
    setErrors(formErrors(data, result.error));
    if (data?.__typename === "WebhookEndpointWithSecret") {
      setConfirming(false);
      onRotated(data.secret);
    }
  };
  if (!confirming)
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        Rotate secret
      </button>
    );
  return (
    <div role="dialog" aria-modal="false" aria-labelledby={titleId} className="confirm">
      <h3 id={titleId}>Rotate the signing secret of {endpoint.url}?</h3>
      <p>The current secret stops signing at once: deliveries fail verification until the receiver has the new one.</p>
      <FormAlert errors={errors} />
      <button type="button" className="danger" disabled={state.fetching} onClick={() => void rotate()}>
        Rotate now
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}
