// The audit log's entries as a table, newest first: when (in the operator's zone),
// who, what, to which object, and what changed, with the before/after behind "Details".
import { formatDateTime } from "../../src/format.js";
import { TableScroll } from "../ui/TableScroll.js";
import type { AdminAuditEntry } from "./AuditLog.graphql.js";
import { actorLabel, browserZone, fieldChanges, humanize, targetLabel, valueText } from "./audit-entry.js";

const OUTCOMES = { CHANGED: null, REFUSED: "Refused", PREVIEW: "Preview only" } as const;

/** The table of `entries`; the time column names the zone its times are in. */
export function AuditLogTable({ entries }: { entries: AdminAuditEntry[] }) {
  return (
    <TableScroll>
      <table className="data-table audit-table">
        <caption className="visually-hidden">Audit log entries</caption>
        <thead>
          <tr>
            <th scope="col">Time in {browserZone()}</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AuditEntryRow({ entry }: { entry: AdminAuditEntry }) {
  const outcome = OUTCOMES[entry.outcome];
  const changed = entry.before && entry.after ? fieldChanges(entry).map((c) => c.field) : [];
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </td>
      <td>{actorLabel(entry)}</td>
      <td>
        {humanize(entry.operation)}
        {outcome && <span className="audit-outcome"> · {outcome}</span>}
      </td>
      <td>{targetLabel(entry)}</td>
      <td>
        <p className="audit-summary">{entry.summary}</p>
        {changed.length > 0 && <p className="muted audit-fields">Changed: {changed.join(", ")}</p>}
        <EntryDetails entry={entry} />
      </td>
    </tr>
  );
}

/** Every field the change touched, before and after, and where it came from. */
function EntryDetails({ entry }: { entry: AdminAuditEntry }) {
  const changes = fieldChanges(entry);
  return (
    <details className="audit-details">
      <summary>Details</summary>
      <dl>
        {changes.map((c) => (
          <div key={c.field}>
            <dt>{c.field}</dt>
            <dd>
              {entry.before !== null && <span className="audit-before">{valueText(c.before)}</span>}
              {entry.before !== null && entry.after !== null && " → "}
              {entry.after !== null && <span className="audit-after">{valueText(c.after)}</span>}
            </dd>
          </div>
        ))}
        <div>
          <dt>From address</dt>
          <dd>{entry.address ?? "The service itself"}</dd>
        </div>
        {entry.objectId && (
          <div>
            <dt>Object id</dt>
            <dd>
              <code>{entry.objectId}</code>
            </dd>
          </div>
        )}
      </dl>
    </details>
  );
}
