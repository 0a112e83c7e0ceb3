// What `npm start` tells an operator who has not finished setting up: without an
// operator or an API key nothing can be changed, and without PUBLIC_URL sign-in links trust Host.
import type { Db } from "../db/client.js";
import { databaseUrlAssignment, isDefaultDatabase, type DatabaseTarget } from "../db/url.js";

/**
 * The command that creates the first admin key in `target`. It names the database
 * unless it is the default one, so run from any directory it writes where the server reads.
 */
export function createKeyCommand(target: DatabaseTarget): { command: string; hidesPassword: boolean } {
  return forDatabase(target, "npm run keys -- create --name admin --scope admin");
}

/** The command that creates the first admin operator (a person) in `target`, named like createKeyCommand's. */
export function createOperatorCommand(target: DatabaseTarget): { command: string; hidesPassword: boolean } {
  return forDatabase(target, 'npm run operators -- add --email you@example.com --name "Your Name" --role admin');
}

function forDatabase(target: DatabaseTarget, command: string): { command: string; hidesPassword: boolean } {
  if (isDefaultDatabase(target)) return { command, hidesPassword: false };
  const { assignment, hidesPassword } = databaseUrlAssignment(target);
  return { command: `${assignment} ${command}`, hidesPassword };
}

/** Lines to print at start; empty when set-up is complete. */
export async function setupNotes(db: Db, target: DatabaseTarget, env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const notes: string[] = [];
  const keys = await db.apiKey.count({ where: { revokedAt: null } });
  const operators = await db.operator.count({ where: { disabledAt: null } });
  if (keys === 0 && operators === 0) {
    const person = createOperatorCommand(target);
    const key = createKeyCommand(target);
    notes.push(
      "No operator or API key exists yet, so nothing can be published or changed. Create the first admin:",
      `  ${person.command}`,
      "  then sign in with the emailed link (the requestOperatorSignIn mutation asks for one; without SMTP_URL the link is logged);",
      "  or create an admin API key (its secret is shown once):",
      `  ${key.command}`,
      ...(person.hidesPassword ? ["  (put the database password in place of PASSWORD)"] : []),
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
