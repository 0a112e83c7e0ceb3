// The live connection's state, for the "Reconnecting…" indicator. A tiny
// external store, so React reads it with useSyncExternalStore.
import { useSyncExternalStore } from "react";

/** `idle`: no live subscription needs a socket; `reconnecting`: one does, and it is down. */
export type ConnectionState = "idle" | "connecting" | "connected" | "reconnecting";

let state: ConnectionState = "idle";
const listeners = new Set<() => void>();

export function setConnectionState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function getConnectionState(): ConnectionState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, getConnectionState, () => "idle");
}
