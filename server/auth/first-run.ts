// What `npm start` tells an operator who has not finished setting up: without an
// API key nothing can be changed, and without PUBLIC_URL sign-in links trust Host.
import type { Db } from "../db/client.js";

/** Lines to print at start; empty when set-up is complete. */
export async function setupNotes(db: Db, env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const notes: string[] = [];
  if ((await db.apiKey.count({ where: { revokedAt: null } })) === 0) {
    notes.push(
      "No API key exists yet, so nothing can be published or changed. Create the first one (its secret is shown once):",
      "  npm run keys -- create --name admin --scope admin",
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
