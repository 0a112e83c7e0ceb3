import { Link } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "./Layout.js";

/** Any /console path no screen claims, and any object that is not there (any more). */
export function ConsoleNotFound({ what = "This page" }: { what?: string }) {
  return (
    <ConsoleLayout title="Not found">
      <p>{what} does not exist, or no longer does.</p>
      <p>
        <Link href={consolePath()}>Back to the status pages</Link>
      </p>
    </ConsoleLayout>
  );
}
