// The console follows the operator's system setting, dark or light, with the
// public page's own theme variables (web/src/styles.css, keyed on data-theme):
// status pages carry the theme their editors chose, the console the one its
// operator's system asks for.

const DARK = "(prefers-color-scheme: dark)";

/** Sets `data-theme` on <html> from prefers-color-scheme now and whenever the setting changes; returns the unsubscribe. */
export function followSystemColorScheme(root: HTMLElement = document.documentElement): () => void {
  const query = window.matchMedia(DARK);
  const apply = () => {
    root.dataset.theme = query.matches ? "dark" : "light";
  };
  apply();
  query.addEventListener("change", apply);
  return () => query.removeEventListener("change", apply);
}
