// What the console asks back from publishIncident and publishIncidentUpdate,
// for the review (preview) and for the publish itself.
import { graphql, type ResultOf } from "../../src/graphql.js";

/** The draft, the status changes it makes and who would hear of it. */
export const PublicationFields = graphql(`
  fragment ConsolePublicationFields on IncidentPublication {
    preview
    incident { id version }
    draft { name status message messageHtml impacts { componentId name impact } }
    componentChanges { componentId name previous next }
    notifiedSubscribers
    notifiedWebhookEndpoints
  }
`);

export type Publication = ResultOf<typeof PublicationFields>;
