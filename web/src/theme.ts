// A page's settings dress the whole document: colour scheme, tab title, favicon.
import { useEffect } from "react";
import type { Theme } from "./types.js";

export interface DocumentLook {
  title: string;
  theme?: Theme;
  faviconUrl?: string | null;
}

/** Applies the look while the calling component is shown. */
export function useDocumentLook({ title, theme = "LIGHT", faviconUrl = null }: DocumentLook): void {
  useEffect(() => {
    document.title = title;
    document.documentElement.dataset.theme = theme === "DARK" ? "dark" : "light";
  }, [title, theme]);
  useEffect(() => {
    let link = document.querySelector<HTMLLinkElement>("link[rel~='icon']");
    if (!link) {
      link = document.createElement("link");
      link.rel = "icon";
      document.head.append(link);
    }
    // "data:," is an empty icon: no request for a /favicon.ico that does not exist.
    link.href = faviconUrl ?? "data:,";
  }, [faviconUrl]);
}
