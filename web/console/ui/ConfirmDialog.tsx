// The console's confirmations ("Delete …?", "Disable …?") as modal dialogs: the
// page behind is inert, Tab and Shift+Tab cycle inside, Escape closes, and focus
// goes back to the control that opened it. The native <dialog> makes the rest
// inert, but lets Tab leave the last control for the browser's own UI, hence the
// wrap-around here.
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useRef } from "react";

const TABBABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** Keeps Tab and Shift+Tab among the dialog's own shown controls. */
function wrapTab(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const stops = [...event.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const at = stops.indexOf(document.activeElement as HTMLElement);
  if (event.shiftKey && at <= 0) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (at === -1 || at === stops.length - 1)) {
    event.preventDefault();
    first.focus();
  }
}

interface ConfirmDialogProps {
  open: boolean;
  /** Closed by Escape (or the browser): the owner sets `open` to false. */
  onClose: () => void;
  /** The id of the element naming the dialog (its question). */
  labelledBy: string;
  /** Where focus returns on close; the element focused when it opened when not given (or gone). */
  returnFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** A modal confirmation shown while `open`. */
export function ConfirmDialog({ open, onClose, labelledBy, returnFocus, children }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) {
      opener.current = document.activeElement;
      node.showModal();
    } else if (!open && node.open) node.close();
  }, [open]);
  // Every way of closing ends here: the owner's state, Escape, the browser.
  const closed = () => {
    const target = returnFocus?.current?.isConnected ? returnFocus.current : opener.current;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
    if (open) onClose();
  };
  return (
    <dialog ref={dialog} aria-labelledby={labelledBy} onKeyDown={wrapTab} onClose={closed}>
      {children}
    </dialog>
  );
}
