import { describe, expect, it } from "vitest";
import { parseMailbox, type Mailbox } from "../../server/domain/mailbox.js";
import {
  AUTO_CREATE_ROLES,
  addressAllowed,
  decideAdmission,
  type AdmissionPolicy,
  type AutoCreateRole,
  type KnownOperator,
} from "../../server/domain/operator-admission.js";

const mailbox = (address: string): Mailbox => {
  const parsed = parseMailbox(address);
  if (!parsed) throw new Error(`not an address: ${address}`);
  return parsed;
};
const policy = (allowedDomains: string[], allowedEmails: string[], autoCreateRole: AutoCreateRole | null = null): AdmissionPolicy => ({
  allowedDomains,
  allowedEmails,
  autoCreateRole,
});
const enabled: KnownOperator = { id: "op-1", disabled: false };
const disabled: KnownOperator = { id: "op-2", disabled: true };

describe("addressAllowed", () => {
  it("compares the parsed address's domain, lower-cased, exactly: no subdomains, no look-alikes", () => {
    const p = policy(["example.com"], []);
    expect(addressAllowed(mailbox("ann@example.com"), p)).toBe(true);
    expect(addressAllowed(mailbox("Ann@EXAMPLE.com"), p)).toBe(true);
    expect(addressAllowed(mailbox("ann@example.com."), p)).toBe(true);
    expect(addressAllowed(mailbox("ann@eu.example.com"), p)).toBe(false);
    expect(addressAllowed(mailbox("ann@example.com.evil.io"), p)).toBe(false);
    expect(addressAllowed(mailbox("ann@exämple.com"), p)).toBe(false);
    expect(addressAllowed(mailbox("example.com@evil.io"), p)).toBe(false);
  });

  it("compares listed addresses whole and case-insensitively", () => {
    const p = policy([], ["bob@partner.io"]);
    expect(addressAllowed(mailbox("bob@partner.io"), p)).toBe(true);
    expect(addressAllowed(mailbox("BOB@Partner.IO"), p)).toBe(true);
    expect(addressAllowed(mailbox("bobby@partner.io"), p)).toBe(false);
    expect(addressAllowed(mailbox("eve@partner.io"), p)).toBe(false);
  });

  it("is null (no restriction configured) when both lists are empty", () => {
    expect(addressAllowed(mailbox("anyone@anywhere.io"), policy([], []))).toBeNull();
  });
});

describe("decideAdmission", () => {
  const inDomain = mailbox("ann@example.com");
  const listed = mailbox("bob@partner.io");
  const outside = mailbox("eve@evil.io");
  const lists = policy(["example.com"], ["bob@partner.io"]);

  it("admits an existing enabled operator whose address is allowed, by domain or by address, with auto-creation off", () => {
    expect(decideAdmission(inDomain, lists, enabled)).toEqual({ kind: "admit", operator: enabled });
    expect(decideAdmission(listed, lists, enabled)).toEqual({ kind: "admit", operator: enabled });
  });

  it("admits an existing enabled operator when no allow-list is configured (an admin created the account)", () => {
    expect(decideAdmission(outside, policy([], []), enabled)).toEqual({ kind: "admit", operator: enabled });
  });

  it("refuses a disabled operator, whatever the lists and auto-creation say", () => {
    for (const p of [lists, policy([], []), policy(["example.com"], [], "EDITOR")]) {
      expect(decideAdmission(inDomain, p, disabled)).toEqual({ kind: "refuse", reason: "operator_disabled" });
    }
  });

  it("refuses an existing operator whose address the lists leave out", () => {
    expect(decideAdmission(outside, lists, enabled)).toEqual({ kind: "refuse", reason: "not_allowed" });
  });

  it("creates an account with the configured role for an allowed address without one", () => {
    for (const role of AUTO_CREATE_ROLES) {
      expect(decideAdmission(inDomain, policy(["example.com"], [], role), null)).toEqual({ kind: "create", role });
      expect(decideAdmission(listed, policy([], ["bob@partner.io"], role), null)).toEqual({ kind: "create", role });
    }
  });

  it("refuses an allowed address without an account when auto-creation is off", () => {
    expect(decideAdmission(inDomain, lists, null)).toEqual({ kind: "refuse", reason: "no_account" });
  });

  it("never creates an account for an address outside the lists, nor without lists", () => {
    expect(decideAdmission(outside, policy(["example.com"], [], "VIEWER"), null)).toEqual({ kind: "refuse", reason: "not_allowed" });
    expect(decideAdmission(outside, policy([], [], "VIEWER"), null)).toEqual({ kind: "refuse", reason: "not_allowed" });
  });

  it("holds for every combination of account, address and policy", () => {
    const accounts = [null, enabled, disabled] as const;
    const addresses = [inDomain, listed, outside];
    const policies = [null, ...AUTO_CREATE_ROLES].flatMap((role) => [policy([], [], role), policy(["example.com"], ["bob@partner.io"], role)]);
    let cases = 0;
    for (const account of accounts)
      for (const email of addresses)
        for (const p of policies) {
          const decision = decideAdmission(email, p, account);
          const restricted = p.allowedDomains.length + p.allowedEmails.length > 0;
          const onList = email === inDomain || email === listed;
          // Let in only: an enabled account allowed by the lists (or with none configured),
          // or a new account on the lists with auto-creation on.
          const admitted = account ? !account.disabled && (!restricted || onList) : restricted && onList && p.autoCreateRole !== null;
          expect(decision.kind !== "refuse", JSON.stringify({ account, email: email.address, p })).toBe(admitted);
          if (decision.kind === "admit") expect(decision.operator).toBe(account);
          if (decision.kind === "create") expect([account, decision.role]).toEqual([null, p.autoCreateRole]);
          cases++;
        }
    expect(cases).toBe(3 * 3 * 8);
  });
});
