// Loading and failure states every screen shows the same way.
import type { CombinedError } from "urql";

/** A polite "Loading…" that screen readers announce once. */
export function Loading({ what = "Loading…" }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}
    </p>
  );
}

/** A query that failed as a whole: the network, or an error before any data. */
export function LoadFailed({ error, retry }: { error: CombinedError; retry?: () => void }) {
  return (
    <div className="form-alert" role="alert">
      <p>{error.networkError ? "The service could not be reached." : (error.graphQLErrors[0]?.message ?? error.message)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
