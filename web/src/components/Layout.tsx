// The frame of every full page: skip link, header with logo and title, live
// connection indicator, main landmark, footer.
import type { ReactNode } from "react";
import { useConnectionState } from "../connection.js";
import { Link } from "../router.js";
import { useDocumentLook } from "../theme.js";
import type { PageShell } from "./PublicPage.graphql.js";

export function ConnectionIndicator() {
  const state = useConnectionState();
  // Always rendered, so assistive technology announces the text when it appears.
  return (
    <p className="connection" role="status" data-state={state}>
      {state === "reconnecting" ? "Reconnecting…" : ""}
    </p>
  );
}

interface LayoutProps {
  shell?: Pick<PageShell, "title" | "slug" | "theme" | "logoUrl" | "faviconUrl"> | null;
  /** The document title when there is no page; without it or a shell the page is loading, and the document keeps its look. */
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function Layout({ shell, title, actions, children }: LayoutProps) {
  const heading = shell?.title ?? title ?? "Status";
  useDocumentLook(shell ? { title: shell.title, theme: shell.theme, faviconUrl: shell.faviconUrl } : title ? { title } : null);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link href={shell ? `/${shell.slug}` : "/"} className="brand">
            {shell?.logoUrl && <img src={shell.logoUrl} alt="" className="logo" height={32} />}
            <h1>{heading}</h1>
          </Link>
          <div className="header-actions">
            <ConnectionIndicator />
            {actions}
          </div>
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer wrap">
        <p>Powered by Statusgraph</p>
      </footer>
    </>
  );
}
