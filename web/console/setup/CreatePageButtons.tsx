// The status pages list's "Create public page" and "Create customer page", for editors and above.
import { navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { RequireRole } from "../ui/role.js";
import { EDITOR } from "./NewStatusPage.js";

/** Buttons that open the create screens; nothing for roles that may not create pages. */
export function CreatePageButtons() {
  return (
    <RequireRole role={EDITOR}>
      <div className="form-actions">
        <button type="button" onClick={() => navigate(consolePath("pages", "new", "public"))}>
          Create public page
        </button>
        <button type="button" className="primary" onClick={() => navigate(consolePath("pages", "new", "customer"))}>
          Create customer page
        </button>
      </div>
    </RequireRole>
  );
}
