import { useEffect, useRef } from "react";
import type { OperationContext } from "urql";

/**
 * A refetch after a live change: past urql's cache, and past the browser's HTTP
 * copy too. Public answers may be kept for 5 s (`Cache-Control: public, max-age=5`);
 * `no-cache` makes the browser revalidate its copy (a 304 when nothing changed).
 * urql replaces fetchOptions rather than merging them, hence the client's credentials again.
 */
export const AFTER_CHANGE: Partial<OperationContext> = {
  requestPolicy: "network-only",
  fetchOptions: { credentials: "include", cache: "no-cache" },
};

/** Refetches from the network whenever `version` moves on (after a live change), once per step. */
export function useRefetchOn(version: number, reexecute: (opts?: Partial<OperationContext>) => void): void {
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    reexecute(AFTER_CHANGE);
  }, [version, reexecute]);
}
