// What `npm start` tells an operator who has not finished setting up: without an
// API key nothing can be changed, and without PUBLIC_URL sign-in links trust Host.
import type { Db } from "../db/client.js";
import { databaseUrlAssignment, isDefaultDatabase, type DatabaseTarget } from "../db/url.js";

/**
 * The command that creates the first admin key in `target`. It names the database
 * unless it is the default one, so run from any directory it writes where the server reads.
 */
export function createKeyCommand(target: DatabaseTarget): { command: string; hidesPassword: boolean } {
  const command = "npm run keys -- create --name admin --scope admin";
  if (isDefaultDatabase(target)) return { command, hidesPassword: false };
  const { assignment, hidesPassword } = databaseUrlAssignment(target);
  return { command: `${assignment} ${command}`, hidesPassword };
}

/** Lines to print at start; empty when set-up is complete. */
export async function setupNotes(db: Db, target: DatabaseTarget, env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const notes: string[] = [];
  if ((await db.apiKey.count({ where: { revokedAt: null } })) === 0) {
    const { command, hidesPassword } = createKeyCommand(target);
    notes.push(
      "No API key exists yet, so nothing can be published or changed. Create the first one (its secret is shown once):",
      `  ${command}`,
      ...(hidesPassword ? ["  (put the database password in place of PASSWORD)"] : []),
      '  and send it as "Authorization: Bearer <secret>".',
    );
  }
  if (!env.PUBLIC_URL?.trim()) {
    notes.push(
      "PUBLIC_URL is not set: sign-in links will point at the host each request names.",
      "  Set it to the address viewers use, e.g. PUBLIC_URL=https://status.example.com",
    );
  }
  return notes;
}
