// Editing an endpoint: its URL, format, events, description and whether it is
// enabled; enabling one the service disabled also clears why (the API's rule).
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { DRAFT_FIELDS, EndpointInputs, type EndpointDraft } from "./EndpointInputs.js";
import { UpdateEndpointMutation, type Endpoint } from "./Webhooks.graphql.js";

/** The edit form of `endpoint`; `onSaved` once the API took the change. */
export function EditEndpoint({ endpoint, onSaved, onCancel }: { endpoint: Endpoint; onSaved: () => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<EndpointDraft>(() => {
    const { url, kind, description, enabled, events, subPage } = endpoint;
    return { url, kind, description, enabled, events: [...events], subPageId: subPage?.id ?? "" };
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, run] = useMutation(UpdateEndpointMutation);
  const titleId = `edit-${endpoint.id}-title`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { url, kind, description, enabled, events } = draft;
    const result = await run({ input: { id: endpoint.id, url, kind, description, enabled, events } });
    const data = result.data?.updateWebhookEndpoint;
    setErrors(formErrors(data, result.error, DRAFT_FIELDS));
    if (data?.__typename === "WebhookEndpoint") onSaved();
  };
  return (
    <form className="webhook-form" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={titleId}>Edit endpoint</h3>
      <FormAlert errors={errors} />
      {endpoint.disabledReason && <p className="muted">Checking “Enabled” sends events to it again and clears why the service disabled it.</p>}
      <EndpointInputs idPrefix={`edit-${endpoint.id}`} draft={draft} onChange={setDraft} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={state.fetching}>
          Save changes
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
