import { useEffect, useRef } from "react";
import type { OperationContext } from "urql";

/** Refetches from the network whenever `version` moves on (after a live change), once per step. */
export function useRefetchOn(version: number, reexecute: (opts?: Partial<OperationContext>) => void): void {
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    reexecute({ requestPolicy: "network-only" });
  }, [version, reexecute]);
}
