// "Add webhook endpoint": the form, then the API's answer — the endpoint and its
// signing secret (shown once, by the screen) or the errors beside their fields.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormAlert } from "../ui/FieldError.js";
import { FormActions } from "../ui/FormFields.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { DRAFT_FIELDS, EMPTY_DRAFT, EndpointInputs, type EndpointDraft } from "./EndpointInputs.js";
import { CreateEndpointMutation, type Endpoint, type WebhookPage } from "./Webhooks.graphql.js";

/** The create form for `page`; `onCreated` with the new endpoint and its secret. */
export function CreateEndpoint({
  page,
  onCreated,
  onCancel,
}: {
  page: WebhookPage;
  onCreated: (endpoint: Endpoint, secret: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<EndpointDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, run] = useMutation(CreateEndpointMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { subPageId, ...fields } = draft;
    const result = await run({ input: { ...fields, pageId: page.id, subPageId: subPageId || null } });
    const data = result.data?.createWebhookEndpoint;
    setErrors(formErrors(data, result.error, DRAFT_FIELDS));
    if (data?.__typename === "WebhookEndpointWithSecret") onCreated(data.endpoint, data.secret);
  };
  return (
    <form className="panel webhook-form" aria-labelledby="create-endpoint-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="create-endpoint-title">Add webhook endpoint</h2>
      <FormAlert errors={errors} />
      <EndpointInputs
        idPrefix="new-endpoint"
        draft={draft}
        onChange={setDraft}
        errors={errors}
        subPages={page.kind === "CUSTOMER" ? page.subPages : undefined}
      />
      <FormActions submit="Add endpoint" busy={state.fetching} onCancel={onCancel} />
    </form>
  );
}
