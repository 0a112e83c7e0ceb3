// Shown when an edit was refused because someone changed the object meanwhile:
// who changed what and when, and a way to reload the current version.
import type { StaleVersion } from "./mutation-errors.js";
import { formatDateTime } from "../../src/format.js";

/** The changes missed since the version the form was opened at, newest first, with a Reload button. */
export function StaleVersionNotice({ stale, onReload }: { stale: StaleVersion; onReload: () => void }) {
  return (
    <section className="stale-notice" aria-labelledby="stale-notice-title">
      <h2 id="stale-notice-title">Changed since you opened it</h2>
      <p>
        You edited version {stale.expectedVersion}; it is now at version {stale.currentVersion}. Nothing you entered was saved.
      </p>
      <ul>
        {stale.changesSince.map((change) => (
          <li key={`${change.at}-${change.summary}`}>
            <time dateTime={change.at}>{formatDateTime(change.at)}</time> · {change.by ?? "the service"}: {change.summary}
            {change.fields.length > 0 && <span className="muted"> ({change.fields.join(", ")})</span>}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onReload}>
        Reload
      </button>
    </section>
  );
}
