// One logger for the whole service: a JSON line per event for log collectors, and
// pino-pretty for a person at a terminal. Secrets never reach either: fields known to
// hold them are redacted by path, and free text (messages, errors) is scrubbed of
// anything shaped like one.
import type { Writable } from "node:stream";
import { pino, stdSerializers, type Logger } from "pino";
import { PinoPretty } from "pino-pretty";

export type { Logger };
export type LogFormat = "json" | "pretty";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Fields that carry credentials wherever they appear in a log call. */
export const REDACTED_PATHS = [
  "authorization",
  "cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  "secret",
  "*.secret",
  "token",
  "*.token",
  "sessionSecret",
  "*.sessionSecret",
  "connectionParams",
  "*.connectionParams",
];

const SCRUBBED: [RegExp, string][] = [
  // API keys, sessions and sign-in links (server/auth/tokens.ts).
  [/sg_(key|session|link)_[A-Za-z0-9_-]+/g, "sg_$1_[redacted]"],
  // Credentials of any other shape sent as a bearer token, or a link's token parameter.
  [/\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/gi, "$1[redacted]"],
  [/([?&]token=)[^&\s"'<>]+/g, "$1[redacted]"],
];

/** `text` with every secret-shaped part replaced by a marker naming its kind. */
export function scrubSecrets(text: string): string {
  return SCRUBBED.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

function scrubDeep(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, seen));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, seen)]));
}

export interface LoggerOptions {
  /** One of pino's levels; default info. */
  level?: string;
  /** Default json. */
  format?: LogFormat;
  /** Where lines go; default stdout. Tests pass an in-memory stream. */
  destination?: Writable;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")} (got "${level}")`);
  const settings = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: (error: Error) => scrubDeep(stdSerializers.err(error)) },
    hooks: {
      // Messages are free text: an error message quoted in one may hold a token.
      logMethod(this: Logger, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrubSecrets(arg) : arg)),
        );
      },
    },
  };
  if (options.format !== "pretty") return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: true }));
  // In process and synchronous, unlike pino's worker-thread transport: start-up lines
  // come out in order, and before a process that exits right after.
  const toStdout = options.destination === undefined;
  const pretty = PinoPretty({
    sync: true,
    destination: options.destination ?? 1,
    colorize: toStdout && Boolean(process.stdout.isTTY),
    translateTime: "SYS:HH:MM:ss.l",
    // A request line's fields are in its message already, and so are those of the start-up banner.
    ignore: "pid,hostname,requestId,method,route,status,durationMs,operation,startup",
    messageFormat: "{if requestId}[{requestId}] {end}{msg}",
  });
  return pino(settings, pretty);
}

/**
 * The logger LOG_LEVEL and LOG_FORMAT describe: pretty when stdout is a terminal
 * or LOG_FORMAT=pretty, JSON lines otherwise or with LOG_FORMAT=json.
 */
export function loggerFromEnv(env: Record<string, string | undefined> = process.env, destination?: Writable): Logger {
  const format = env.LOG_FORMAT?.trim().toLowerCase() || (destination === undefined && process.stdout.isTTY ? "pretty" : "json");
  if (format !== "json" && format !== "pretty") throw new Error(`LOG_FORMAT must be json or pretty (got "${env.LOG_FORMAT}")`);
  return createLogger({ level: env.LOG_LEVEL?.trim().toLowerCase() || "info", format, destination });
}

let fallback: Logger | undefined;

/** For code that was given no logger: the environment's, made on first use. */
export function defaultLogger(): Logger {
  return (fallback ??= loggerFromEnv());
}
