// Reads Prometheus's text exposition format (what /metrics serves): `# TYPE name type`
// lines and samples `name{label="value",…} value`, so tests assert on series, not on text.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  /** Metric name → counter, gauge, histogram, summary or untyped. */
  types: Map<string, string>;
  samples: Sample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/gy;
const UNESCAPE: Record<string, string> = { "\\\\": "\\", '\\"': '"', "\\n": "\n" };

function number(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  // Prometheus reads NaN in any case (prom-client writes "Nan").
  if (text.toLowerCase() === "nan") return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a sample value: ${text}`);
  return value;
}

function labels(text: string | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  if (!text) return found;
  LABEL.lastIndex = 0;
  let read = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    found[m[1]!] = m[2]!.replace(/\\[\\"n]/g, (e) => UNESCAPE[e]!);
    read = LABEL.lastIndex;
  }
  if (read !== text.length) throw new Error(`malformed labels: {${text}}`);
  return found;
}

/** Throws on a line that is neither a comment nor a sample. */
export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line.startsWith("#")) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a sample: ${line}`);
    samples.push({ name: sample[1]!, labels: labels(sample[2]), value: number(sample[3]!) });
  }
  return { types, samples };
}

/** The sample of `name` whose labels include `match`; undefined when there is none. */
export function sampleValue(exposition: Exposition, name: string, match: Record<string, string> = {}): number | undefined {
  return exposition.samples.find((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))?.value;
}
