import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, WEBHOOK_JITTER, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_SCHEDULE_MS, retryDelayMs } from "../../server/domain/retry-policy.js";
import { isPublicAddress, webhookUrlProblem } from "../../server/domain/webhook-url.js";

const DAY = 24 * 3_600_000;

/** Every wait of a delivery that never succeeds, with `random` for each jitter draw. */
function waits(kind: "EMAIL" | "WEBHOOK", random: number): number[] {
  const all: number[] = [];
  for (let attempts = 1; ; attempts++) {
    const wait = retryDelayMs(kind, attempts, random);
    if (wait === null) return all;
    all.push(wait);
  }
}

describe("webhook retry policy", () => {
  it("starts at 30 s, grows to hours, and keeps trying for more than 24 hours even with all jitter early", () => {
    expect(waits("WEBHOOK", 0.5)).toEqual([...WEBHOOK_RETRY_SCHEDULE_MS]);
    expect(waits("WEBHOOK", 0.5)[0]).toBe(30_000);
    const earliest = waits("WEBHOOK", 0).reduce((a, b) => a + b, 0);
    expect(earliest).toBeGreaterThanOrEqual(DAY);
    expect(waits("WEBHOOK", 0)).toHaveLength(WEBHOOK_MAX_ATTEMPTS - 1);
  });

  it("spreads each wait by at most the jitter, both ways", () => {
    for (const [i, wait] of WEBHOOK_RETRY_SCHEDULE_MS.entries()) {
      expect(retryDelayMs("WEBHOOK", i + 1, 0)).toBe(Math.round(wait * (1 - WEBHOOK_JITTER)));
      expect(retryDelayMs("WEBHOOK", i + 1, 0.999_999)).toBeLessThanOrEqual(Math.round(wait * (1 + WEBHOOK_JITTER)));
      expect(retryDelayMs("WEBHOOK", i + 1, 0.999_999)).toBeGreaterThan(wait);
    }
  });

  it("gives up after the last scheduled retry", () => {
    expect(retryDelayMs("WEBHOOK", WEBHOOK_MAX_ATTEMPTS, 0.5)).toBeNull();
  });
});

describe("email retry policy", () => {
  it("doubles from 30 s up to an hour, without jitter, for 8 attempts", () => {
    expect(waits("EMAIL", 0.3)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(retryDelayMs("EMAIL", DEFAULT_RETRY.maxAttempts, 0.3)).toBeNull();
  });
});

describe("webhook URLs", () => {
  it("takes https URLs with a host, and http only when allowed", () => {
    expect(webhookUrlProblem("https://hooks.example.com/in?token=abc", false)).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.com/in", false)?.rule).toBe("scheme");
    expect(webhookUrlProblem("http://hooks.example.com/in", true)).toBeNull();
  });

  it("names the rule a URL breaks", () => {
    expect(webhookUrlProblem("hooks.example.com/in", false)?.rule).toBe("format");
    expect(webhookUrlProblem("ftp://hooks.example.com/in", true)?.rule).toBe("scheme");
    expect(webhookUrlProblem("javascript:alert(1)", true)?.rule).toBe("scheme");
    expect(webhookUrlProblem("https://user:pass@hooks.example.com/in", false)?.rule).toBe("credentials");
    expect(webhookUrlProblem("https://token@hooks.example.com/in", false)?.rule).toBe("credentials");
    expect(webhookUrlProblem(`https://hooks.example.com/${"a".repeat(2_000)}`, false)?.rule).toBe("too_long");
  });

  it("connects only to public unicast addresses", () => {
    for (const address of ["8.8.8.8", "2001:4860:4860::8888", "93.184.216.34"]) expect(isPublicAddress(address)).toBe(true);
    const refused = ["127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255"];
    refused.push("100.64.0.1", "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "not an address");
    for (const address of refused) expect(isPublicAddress(address), address).toBe(false);
  });
});
