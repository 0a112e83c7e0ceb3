// CPU time a virtual machine's host gave to others ("steal" in /proc/stat). On a busy
// host it lowers every absolute figure alike; the ratios to the baseline still compare.
import { readFileSync } from "node:fs";

/** Cumulative CPU ticks: stolen, and all (user to steal). */
export interface CpuTicks {
  steal: number;
  total: number;
}

/** The machine's counters now; null where /proc/stat does not exist. */
export function cpuTicks(): CpuTicks | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((sum, n) => sum + n, 0) };
  } catch {
    return null;
  }
}

/** " 12% of CPU time taken by the host since `before`", or "" where it cannot be told. */
export function stealSince(before: CpuTicks | null): string {
  const after = cpuTicks();
  if (!before || !after || after.total <= before.total) return "";
  const share = (after.steal - before.steal) / (after.total - before.total);
  return ` ${Math.round(share * 100)}% of CPU time was taken by the host (steal).`;
}
