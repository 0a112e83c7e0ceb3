// An endpoint's delivery log: every attempt, newest first, in pages, with times in
// the viewer's zone (named in the caption) and when a failed event is tried next.
import { useState } from "react";
import { useQuery } from "urql";
import { formatDateTime, viewerTimeZone } from "../../src/format.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { DeliveryLogQuery, type Attempt } from "./Webhooks.graphql.js";

const PAGE_SIZE = 10;

/** What the receiver answered: "HTTP 204", "HTTP 503", "connection refused", or "No answer". */
export function answerOf({ responseCode, error }: Pick<Attempt, "responseCode" | "error">): string {
  const code = responseCode === null ? null : `HTTP ${responseCode}`;
  if (!error) return code ?? "No answer";
  return code && !error.includes(code) ? `${code} · ${error}` : error;
}

function AttemptRow({ attempt }: { attempt: Attempt }) {
  return (
    <tr>
      <td>
        <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>
      </td>
      <td>{attempt.event ?? "—"}</td>
      <td>{attempt.attempt}</td>
      <td>{attempt.status === "SENT" ? "Delivered" : "Failed"}</td>
      <td>{answerOf(attempt)}</td>
      <td>{attempt.nextAttemptAt ? <time dateTime={attempt.nextAttemptAt}>{formatDateTime(attempt.nextAttemptAt)}</time> : "—"}</td>
    </tr>
  );
}

/** The log of endpoint `id` (titled by its `url`), one page at a time. */
export function DeliveryLog({ id, url }: { id: string; url: string }) {
  // The cursors of the pages before the one shown: "Newer" goes back one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [result, refetch] = useQuery({ query: DeliveryLogQuery, variables: { id, first: PAGE_SIZE, after }, requestPolicy: "cache-and-network" });
  const log = result.data?.webhookEndpoint?.deliveries;
  const attempts = log?.edges.map((e) => e.node) ?? [];
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <section className="delivery-log" aria-label={`Deliveries to ${url}`}>
      {result.fetching && !result.data && <Loading what="Loading deliveries…" />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {log && attempts.length === 0 && <p className="muted">No deliveries yet.</p>}
      {attempts.length > 0 && (
        <table className="data-table">
          <caption>Deliveries, newest first. Times in {viewerTimeZone(new Date(attempts[0]!.at))}.</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Result</th>
              <th scope="col">HTTP status or error</th>
              <th scope="col">Next retry</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((attempt) => (
              <AttemptRow key={attempt.id} attempt={attempt} />
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer deliveries
        </button>
        <button type="button" disabled={!log?.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, log?.pageInfo.endCursor ?? null])}>
          Older deliveries
        </button>
        <button type="button" disabled={result.fetching} onClick={reload}>
          Refresh deliveries
        </button>
      </div>
    </section>
  );
}
