// /console/admin/audit-log — who changed what, when: the log's entries newest first,
// narrowed by the filters in the URL's query string, older pages on "Load more".
import { useSearch } from "../../src/router.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors } from "../ui/mutation-errors.js";
import { Loading } from "../ui/States.js";
import { AdminScreen } from "./AdminScreen.js";
import type { AdminAuditEntry } from "./AuditLog.graphql.js";
import { AuditLogFilters, FILTER_FIELDS } from "./AuditLogFilters.js";
import { AuditLogTable } from "./AuditLogTable.js";
import { filterErrors, isFiltered, parseAuditView, type AuditView } from "./audit-view.js";
import { useAuditLog, type AuditLogState } from "./use-audit-log.js";
import "./audit-log.css";

/** The audit log screen (admins only). */
export function AuditLog() {
  const search = useSearch();
  return (
    <AdminScreen title="Audit log" tab="auditLog">
      <AuditLogBody key={search} view={parseAuditView(search)} />
    </AdminScreen>
  );
}

/** One view of the log; remounted (fresh form, first page again) whenever the URL changes. */
function AuditLogBody({ view }: { view: AuditView }) {
  const log = useAuditLog(view);
  const errors = filterErrors(log.error, FILTER_FIELDS);
  return (
    <>
      <AuditLogFilters view={view} errors={errors} />
      {!log.entries && !log.error && <Loading what="Loading the audit log…" />}
      {log.error && errors.form && Object.keys(errors.fields).length === 0 && (
        <button type="button" onClick={log.retry}>
          Try again
        </button>
      )}
      {log.entries && <AuditLogResults entries={log.entries} log={log} filtered={isFiltered(view)} />}
    </>
  );
}

/** The entries read so far (or why there are none), and "Load more" while older ones remain. */
function AuditLogResults({ entries, log, filtered }: { entries: AdminAuditEntry[]; log: AuditLogState; filtered: boolean }) {
  if (entries.length === 0) return <p className="muted audit-empty">{filtered ? "No audit entries match these filters." : "The audit log is empty."}</p>;
  return (
    <>
      <p role="status" className="muted">
        Showing {entries.length} {entries.length === 1 ? "entry" : "entries"}
        {log.hasMore ? "; older entries remain." : "."}
      </p>
      <AuditLogTable entries={entries} />
      <FormAlert errors={formErrors(null, log.moreError)} />
      {log.hasMore && (
        <div className="form-actions">
          <button type="button" disabled={log.loadingMore} onClick={() => void log.loadMore()}>
            {log.loadingMore ? "Loading older entries…" : "Load more"}
          </button>
        </div>
      )}
    </>
  );
}
