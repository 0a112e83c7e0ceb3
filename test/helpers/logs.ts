// A logger that keeps its lines in memory, as the service writes them (JSON, or
// pino-pretty's text), so tests read what an operator's log collector would get.
import { Writable } from "node:stream";
import { createLogger, type LogFormat, type Logger } from "../../server/logger.js";

export interface LogLine {
  level: string;
  time: string;
  msg: string;
  [field: string]: unknown;
}

export interface MemoryLog {
  logger: Logger;
  /** Every line written so far, as written. */
  raw(): string[];
  /** Every line parsed as JSON (JSON format only). */
  lines(): LogLine[];
}

export function memoryLog(options: { level?: string; format?: LogFormat } = {}): MemoryLog {
  const written: string[] = [];
  const destination = new Writable({ write: (chunk: Buffer | string, _encoding, done) => done(void written.push(String(chunk))) });
  const logger = createLogger({ level: options.level ?? "debug", format: options.format ?? "json", destination });
  return {
    logger,
    raw: () => written.flatMap((chunk) => chunk.split("\n").filter((line) => line.length > 0)),
    lines: () => written.map((line) => JSON.parse(line) as LogLine),
  };
}
