// The runbook's "Updating an incident": new status, message, impacts and notify
// → Review update → Publish update, made from the version the form was opened at.
import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../src/graphql.js";
import { FormAlert } from "../ui/FieldError.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import type { ConsoleIncident } from "./incident-query.js";
import { IncidentEntryFields, impactsInput, SHOWN_FIELDS, type IncidentEntry } from "./IncidentEntryFields.js";
import { PublicationFields } from "./publication.js";
import { ReviewPanel } from "./ReviewPanel.js";
import { useReviewedPublish } from "../ui/use-reviewed-publish.js";

const PublishUpdateMutation = graphql(
  `
  mutation ConsolePublishIncidentUpdate($input: PublishIncidentUpdateInput!) {
    publishIncidentUpdate(input: $input) {
      __typename
      ...ConsolePublicationFields
      ...MutationErrorFields
    }
  }
`,
  [PublicationFields, MutationErrorFields],
);

function startingEntry(incident: ConsoleIncident): IncidentEntry {
  const impacts = Object.fromEntries(incident.affectedComponents.map((i) => [i.componentId, i.impact]));
  return { name: incident.name, status: incident.status, message: "", impacts, notify: true };
}

interface UpdateIncidentProps {
  incident: ConsoleIncident;
  /** After publishing; the incident page reads it again. */
  onPublished: () => void;
  onCancel: () => void;
  /** Reads the incident again and starts over from its current version. */
  onReload: () => void;
}

/** The update form for `incident`, from its current `version`. */
export function UpdateIncident({ incident, onPublished, onCancel, onReload }: UpdateIncidentProps) {
  // The version the operator is looking at: a change made meanwhile is refused, not overwritten.
  const [expectedVersion] = useState(incident.version);
  const [entry, setEntry] = useState<IncidentEntry>(() => startingEntry(incident));
  const [state, publish] = useMutation(PublishUpdateMutation);
  const impacts = entry.status === "RESOLVED" ? undefined : impactsInput(entry);
  const input = { incidentId: incident.id, expectedVersion, status: entry.status, message: entry.message, impacts, notifySubscribers: entry.notify };
  const { review, setReview, errors, submit } = useReviewedPublish(
    async (preview) => {
      const result = await publish({ input: { ...input, preview } });
      return { answer: result.data?.publishIncidentUpdate, error: result.error };
    },
    (answer) => (answer?.__typename === "IncidentPublication" ? answer : null),
    onPublished,
    SHOWN_FIELDS,
  );

  return (
    <form
      className="incident-form panel"
      aria-label="Update incident"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(!review);
      }}
    >
      <h2>Update incident</h2>
      <FormAlert errors={errors} />
      {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
      {review ? (
        <>
          <ReviewPanel publication={review} current={incident} />
          <div className="form-actions">
            <button type="button" onClick={() => setReview(null)}>
              Back to editing
            </button>
            <button type="submit" className="primary" disabled={state.fetching}>
              Publish update
            </button>
          </div>
        </>
      ) : (
        <>
          <IncidentEntryFields entry={entry} onChange={setEntry} errors={errors} components={incident.page.components} />
          <div className="form-actions">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={state.fetching}>
              Review update
            </button>
          </div>
        </>
      )}
    </form>
  );
}
