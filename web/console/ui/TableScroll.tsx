// A table wider than a phone's screen scrolls inside its own box rather than
// the page sideways. Its links and controls take focus, and Chromium lets the
// keyboard scroll such a box.
import type { ReactNode } from "react";

/** Wraps a wide table. */
export function TableScroll({ children }: { children: ReactNode }) {
  return <div className="table-scroll">{children}</div>;
}
