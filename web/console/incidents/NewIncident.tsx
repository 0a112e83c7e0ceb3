// /console/pages/:pageId/incidents/new — the runbook's "Publish incident": name,
// status, message, affected components, notify → Review incident → Publish incident.
import { useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../src/graphql.js";
import { navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { FieldError, fieldA11y, FormAlert } from "../ui/FieldError.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";
import { RequireRole, type Role } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { IncidentEntryFields, impactsInput, SHOWN_FIELDS, type IncidentEntry } from "./IncidentEntryFields.js";
import { usePageSlug } from "./page-lookup.js";
import { PublicationFields } from "./publication.js";
import { ReviewPanel } from "./ReviewPanel.js";
import { useReviewedPublish } from "../ui/use-reviewed-publish.js";

/** Publishing, updating and deleting incidents needs this role. */
const PUBLISHER: Role = "PUBLISHER";

const NewIncidentPageQuery = graphql(`
  query ConsoleNewIncidentPage($slug: String!) {
    statusPage(slug: $slug) { id title components { id name } }
  }
`);

const PublishIncidentMutation = graphql(
  `
  mutation ConsolePublishIncident($input: PublishIncidentInput!) {
    publishIncident(input: $input) {
      __typename
      ...ConsolePublicationFields
      ...MutationErrorFields
    }
  }
`,
  [PublicationFields, MutationErrorFields],
);

const EMPTY: IncidentEntry = { name: "", status: "INVESTIGATING", message: "", impacts: {}, notify: true };

function NewIncidentForm({ page }: { page: { id: string; title: string; components: readonly { id: string; name: string }[] } }) {
  const nameId = useId();
  const [entry, setEntry] = useState<IncidentEntry>(EMPTY);
  const [state, publish] = useMutation(PublishIncidentMutation);
  const input = {
    pageId: page.id,
    name: entry.name,
    status: entry.status,
    message: entry.message,
    impacts: impactsInput(entry),
    notifySubscribers: entry.notify,
  };
  const { review, setReview, errors, submit } = useReviewedPublish(
    async (preview) => {
      const result = await publish({ input: { ...input, preview } });
      return { answer: result.data?.publishIncident, error: result.error };
    },
    (answer) => (answer?.__typename === "IncidentPublication" ? answer : null),
    (published) => {
      if (published.incident) navigate(consolePath("pages", page.id, "incidents", published.incident.id));
    },
    SHOWN_FIELDS,
  );

  return (
    <form
      className="incident-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(!review);
      }}
    >
      <FormAlert errors={errors} />
      {review ? (
        <>
          <ReviewPanel publication={review} current={null} />
          <div className="form-actions">
            <button type="button" onClick={() => setReview(null)}>
              Back to editing
            </button>
            <button type="submit" className="primary" disabled={state.fetching}>
              Publish incident
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={nameId}>Name</label>
            <input id={nameId} value={entry.name} onChange={(e) => setEntry({ ...entry, name: e.target.value })} {...fieldA11y(errors, "input.name")} />
            <FieldError errors={errors} field="input.name" />
          </div>
          <IncidentEntryFields entry={entry} onChange={setEntry} errors={errors} components={page.components} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={state.fetching}>
              Review incident
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/** The new-incident screen of the page with `pageId`; publishers and above. */
export function NewIncident({ pageId }: { pageId: string }) {
  const lookup = usePageSlug(pageId);
  const [result] = useQuery({ query: NewIncidentPageQuery, variables: { slug: lookup.slug ?? "" }, pause: !lookup.slug });
  if (lookup.slug === null || (result.data && !result.data.statusPage)) return <ConsoleNotFound what="This status page" />;
  const page = result.data?.statusPage;
  return (
    <ConsoleLayout title={page ? `Publish incident on ${page.title}` : "Publish incident"} section="pages">
      {lookup.error && <LoadFailed error={lookup.error} retry={lookup.retry} />}
      {result.error && <LoadFailed error={result.error} />}
      {!page && !lookup.error && !result.error && <Loading />}
      {page && (
        <RequireRole role={PUBLISHER} fallback={<p role="alert">Your role does not allow publishing incidents.</p>}>
          <NewIncidentForm page={page} />
        </RequireRole>
      )}
    </ConsoleLayout>
  );
}
