// The loading and error states every data-driven component shares.
import { useEffect } from "react";
import type { CombinedError } from "urql";

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** Says something failed without echoing server internals; the details go to the console. */
export function LoadError({ what, error, onRetry }: { what: string; error?: CombinedError | Error; onRetry?: () => void }) {
  useEffect(() => void (error && console.warn(`Loading ${what} failed:`, error)), [what, error]);
  const offline = error && "networkError" in error && error.networkError;
  return (
    <div className="error" role="alert">
      <p>
        Could not load {what}
        {offline ? " — the service could not be reached." : "."}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
