// The frame of every admin screen: the console layout in the Admin section, the
// admin tabs, and "access denied" for operators who are not admins.
import type { ReactNode } from "react";
import { Link } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { useRole } from "../ui/role.js";
import "./admin.css";

/** Only screens that exist get a tab; `path` is its segment under /console/admin. */
const TABS = [
  { tab: "operators", label: "Operators", path: "operators" },
  { tab: "apiKeys", label: "API keys", path: "api-keys" },
  { tab: "auditLog", label: "Audit log", path: "audit-log" },
] as const;

/** Which admin screen is shown. */
export type AdminTab = (typeof TABS)[number]["tab"];

/** Wraps an admin screen titled `title`; its children render only for admins. */
export function AdminScreen({ title, tab, actions, children }: { title: string; tab: AdminTab; actions?: ReactNode; children: ReactNode }) {
  if (!useRole().can("ADMIN"))
    return (
      <ConsoleLayout title="Access denied">
        <p role="alert">Access denied: only admins may manage operators, API keys and the audit log.</p>
        <p>
          <Link href={consolePath()}>Back to the status pages</Link>
        </p>
      </ConsoleLayout>
    );
  return (
    <ConsoleLayout title={title} section="admin" actions={actions}>
      <nav aria-label="Admin" className="admin-tabs">
        <ul>
          {TABS.map((t) => (
            <li key={t.tab}>
              <Link href={consolePath("admin", t.path)} aria-current={t.tab === tab ? "page" : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </ConsoleLayout>
  );
}
