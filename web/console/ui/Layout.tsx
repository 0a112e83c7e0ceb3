// The frame of every signed-in console screen: skip link, header with the
// product name, the operator and their role, the main navigation and sign out,
// the reconnecting banner, and the main landmark holding the screen.
import { useEffect, type ReactNode } from "react";
import { useMutation } from "urql";
import { graphql } from "../../src/graphql.js";
import { Link } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { AccountMenu } from "../session/AccountMenu.js";
import { ReconnectingBanner } from "./ReconnectingBanner.js";
import { RequireRole, useOperator, type Role } from "./role.js";

const SignOutMutation = graphql(`
  mutation ConsoleSignOut {
    signOut
  }
`);

/** The main navigation; `section` marks the current one; `role`: shown only to operators whose role includes it. */
const NAV = [
  { section: "pages", label: "Status pages", href: consolePath(), role: "VIEWER" },
  { section: "catalog", label: "Catalog", href: consolePath("catalog"), role: "VIEWER" },
  { section: "admin", label: "Admin", href: consolePath("admin"), role: "ADMIN" },
] as const satisfies readonly { section: string; label: string; href: string; role: Role }[];

export type ConsoleSection = (typeof NAV)[number]["section"];

const ROLE_NAMES = { VIEWER: "Viewer", PUBLISHER: "Publisher", EDITOR: "Editor", ADMIN: "Admin" } as const;

interface ConsoleLayoutProps {
  /** The screen's heading, also the document's title. */
  title: string;
  section?: ConsoleSection;
  /** Controls beside the heading (e.g. "New incident"). */
  actions?: ReactNode;
  children: ReactNode;
}

/** Wraps a screen; its `title` is the page's h1. */
export function ConsoleLayout({ title, section, actions, children }: ConsoleLayoutProps) {
  const operator = useOperator();
  const [signOut, runSignOut] = useMutation(SignOutMutation);
  useEffect(() => {
    document.title = `${title} · Statusgraph console`;
  }, [title]);
  const onSignOut = async () => {
    await runSignOut({});
    // A fresh load: nothing of the session stays in memory or in urql's cache.
    window.location.assign(consolePath());
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="console-header">
        <Link href={consolePath()} className="product">
          Statusgraph
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <RequireRole key={item.section} role={item.role}>
                <li>
                  <Link href={item.href} aria-current={item.section === section ? "page" : undefined}>
                    {item.label}
                  </Link>
                </li>
              </RequireRole>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="operator-name">{operator.name}</span>{" "}
          <span className="role-badge" data-role={operator.role}>
            {ROLE_NAMES[operator.role]}
          </span>
          <AccountMenu />
          <button type="button" className="link-button" onClick={onSignOut} disabled={signOut.fetching}>
            Sign out
          </button>
        </div>
      </header>
      <ReconnectingBanner />
      <main id="main" tabIndex={-1}>
        <div className="screen-heading">
          <h1>{title}</h1>
          {actions && <div className="screen-actions">{actions}</div>}
        </div>
        {children}
      </main>
    </>
  );
}
