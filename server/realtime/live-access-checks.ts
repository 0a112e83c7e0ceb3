// The database checks behind live access: whether held sessions and keys are still
// accepted, and which sub-pages a held session's domain still sees after a catalog
// change. Each asks the database per credential batch or per domain, never per subscriber.
import type { Db } from "../db/client.js";
import { parseMailbox } from "../domain/mailbox.js";
import type { CredentialRules } from "./live-credentials.js";
import type { LiveGrants } from "./live-grants.js";

/** Ids per `IN (…)` list, well under every database's parameter limit. */
const CHUNK = 500;

/** What the checks read and end. */
export interface HeldChecks {
  db: Db;
  now: () => Date;
  grants: LiveGrants;
  rules: CredentialRules;
}

/** The ids among `ids` of viewer sessions neither ended nor expired. */
async function liveSessionIds({ db, now }: HeldChecks, ids: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.viewerSession.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) }, endedAt: null, expiresAt: { gt: now() } },
      select: { id: true },
    });
    for (const row of rows) live.add(row.id);
  }
  return live;
}

/** Ends the held subscriptions whose session or key the database no longer accepts: two queries per 500 credentials. */
export async function verifyHeld(checks: HeldChecks): Promise<void> {
  const { db, now, grants } = checks;
  const ended = checks.rules.ended;
  const sessionIds = [...grants.sessions.keys()];
  const live = await liveSessionIds(checks, sessionIds);
  for (const id of sessionIds) if (!live.has(id)) grants.endSession(id, ended("invalid_session"));
  const operatorIds = [...grants.operatorSessions.keys()];
  for (let i = 0; i < operatorIds.length; i += CHUNK) {
    const chunk = operatorIds.slice(i, i + CHUNK);
    const where = { id: { in: chunk }, endedAt: null, expiresAt: { gt: now() }, operator: { disabledAt: null } };
    const kept = new Set((await db.operatorSession.findMany({ where, select: { id: true } })).map((s) => s.id));
    for (const id of chunk) if (!kept.has(id)) grants.endSession(id, ended("ended_operator_session"));
  }
  const keyIds = [...grants.keys.keys()];
  for (let i = 0; i < keyIds.length; i += CHUNK) {
    const chunk = keyIds.slice(i, i + CHUNK);
    const kept = new Set((await db.apiKey.findMany({ where: { id: { in: chunk }, revokedAt: null }, select: { id: true } })).map((k) => k.id));
    for (const id of chunk) if (!kept.has(id)) grants.endKey(id, ended("invalid_key"));
  }
}

/** After a catalog change: which sub-pages each held session's domain still sees (one query per domain). */
export async function recheckPage(checks: HeldChecks, pageId: string): Promise<void> {
  const { db, grants } = checks;
  const { ended, admittedSubPageIds } = checks.rules;
  const holds = grants.sessionsOn(pageId);
  if (holds.length === 0) return;
  const page = await db.statusPage.findUnique({ where: { id: pageId }, select: { id: true, kind: true, domainsAttributeId: true } });
  const live = await liveSessionIds(
    checks,
    holds.map((h) => h.sessionId),
  );
  const admitted = new Map<string | null, Set<string>>();
  for (const hold of holds) {
    if (!live.has(hold.sessionId)) {
      grants.endSession(hold.sessionId, ended("invalid_session"));
      continue;
    }
    const domain = parseMailbox(hold.email)?.domain ?? null;
    let ids = admitted.get(domain);
    if (!ids) admitted.set(domain, (ids = new Set(page ? await admittedSubPageIds(db, page, hold.email) : [])));
    for (const grant of [...hold.grants]) if (grant.subPageId === null || !ids.has(grant.subPageId)) grants.end(grant, ended("not_admitted"));
  }
}
