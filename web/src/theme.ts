// A page's settings dress the whole document: colour scheme, tab title, favicon.
import { useEffect } from "react";
import type { Theme } from "./graphql.js";

export interface DocumentLook {
  title: string;
  theme?: Theme;
  faviconUrl?: string | null;
}

/**
 * Applies the look while the calling component is shown. Null (a page still
 * loading) keeps the look the server dressed the HTML in, or the last page's:
 * resetting it meanwhile would flash the default theme.
 */
export function useDocumentLook(look: DocumentLook | null): void {
  const title = look ? look.title : null;
  const theme = look ? (look.theme === "DARK" ? "dark" : "light") : null;
  // "data:," is an empty icon: no request for a /favicon.ico that does not exist.
  const icon = look ? (look.faviconUrl ?? "data:,") : null;
  useEffect(() => {
    if (title === null || theme === null) return;
    document.title = title;
    document.documentElement.dataset.theme = theme;
  }, [title, theme]);
  useEffect(() => {
    if (icon === null) return;
    let link = document.querySelector<HTMLLinkElement>("link[rel~='icon']");
    if (!link) {
      link = document.createElement("link");
      link.rel = "icon";
      document.head.append(link);
    }
    link.href = icon;
  }, [icon]);
}
