// Counts and times GraphQL operations by name, type and outcome. Over HTTP (GET,
// POST, SSE) Yoga's onParams and onExecutionResult frame each operation, so those
// answered from the response cache (never parsed) or refused before running are
// counted too. graphql-ws operations skip both hooks and go straight to the
// envelop: parse, validation and execution frame them instead. Nothing is done
// per event of a subscription: only its setup is timed.
import { getOperationAST, type DocumentNode, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import type { Metrics, OperationOutcome } from "../metrics/series.js";

/** Distinct operation names labelled at most; later ones are "other", so clients cannot grow the series without bound. */
export const OPERATION_NAMES_MAX = 200;
const NAME_LENGTH_MAX = 100;

interface Described {
  name: string | null;
  type: string;
}

interface Operation extends Partial<Described> {
  start: number;
  http: boolean;
  /** Over HTTP, the query text: answers from the response cache are never parsed, so their name is remembered from when they were. */
  key: string | null;
}

type WithParams = { params?: { query?: string; operationName?: string | null } };
const paramsOf = (context: unknown) => (context as WithParams | undefined)?.params;

function describe(document: DocumentNode, operationName: string | null | undefined): Described {
  const operation = getOperationAST(document, operationName);
  return { name: operation?.name?.value ?? null, type: operation?.operation ?? "unknown" };
}

function outcomeOf(result: unknown): OperationOutcome {
  if (!result || typeof result !== "object" || Symbol.asyncIterator in result) return "ok";
  const { errors, data } = result as ExecutionResult;
  if (!errors?.length) return "ok";
  // No data at all: it never ran (parse, validation, limits, CSRF, rate limit, a subscription refused at setup).
  return data === undefined ? "refused" : "error";
}

/** Labels names as they come, up to OPERATION_NAMES_MAX distinct ones; then "other". */
function nameLabeller(): (name: string | null | undefined) => string {
  const names = new Set<string>();
  return (name) => {
    if (!name) return "anonymous";
    if (names.has(name)) return name;
    if (names.size >= OPERATION_NAMES_MAX || name.length > NAME_LENGTH_MAX) return "other";
    names.add(name);
    return name;
  };
}

/** The operations under way, by context, each recorded once when it is over. */
interface Tracker {
  operations: WeakMap<object, Operation>;
  /** Names and types of the query texts parsed over HTTP, by operation name and query text. */
  parsed: LRUCache<string, Described>;
  record(context: object, outcome: OperationOutcome): void;
  /** After execution over graphql-ws (over HTTP, onExecutionResult records it). */
  recordDone(context: object): ((done: { result: unknown }) => void) | undefined;
}

function tracker(metrics: Metrics): Tracker {
  const operations = new WeakMap<object, Operation>();
  const parsed = new LRUCache<string, Described>({ max: 1_000 });
  const nameLabel = nameLabeller();

  function record(context: object, outcome: OperationOutcome): void {
    const operation = operations.get(context);
    if (!operation) return;
    operations.delete(context);
    const known = operation.type === undefined && operation.key !== null ? parsed.get(operation.key) : undefined;
    const name = operation.type !== undefined ? operation.name : (known?.name ?? paramsOf(context)?.operationName);
    const labels = { operation_name: nameLabel(name), operation_type: operation.type ?? known?.type ?? "unknown", outcome };
    metrics.operation(labels, (performance.now() - operation.start) / 1000);
  }

  function recordDone(context: object) {
    const operation = operations.get(context);
    return operation && !operation.http ? ({ result }: { result: unknown }) => record(context, outcomeOf(result)) : undefined;
  }

  return { operations, parsed, record, recordDone };
}

/** Counts and times each GraphQL operation by name, type and outcome, over HTTP and graphql-ws. */
export function useOperationMetrics(metrics: Metrics): Plugin {
  const { operations, parsed, record, recordDone } = tracker(metrics);

  return {
    onParams({ context, params }) {
      const key = params.query === undefined ? null : `${params.operationName ?? ""}\n${params.query}`;
      operations.set(context, { start: performance.now(), http: true, key });
    },
    onParse({ context }) {
      let operation = operations.get(context);
      if (!operation) operations.set(context, (operation = { start: performance.now(), http: false, key: null }));
      const op = operation;
      return ({ result }) => {
        if (result instanceof Error || !result) {
          if (!op.http) record(context, "refused");
          return;
        }
        Object.assign(op, describe(result as DocumentNode, paramsOf(context)?.operationName));
        if (op.key !== null) parsed.set(op.key, { name: op.name!, type: op.type! });
      };
    },
    onValidate({ context }) {
      return ({ valid }) => {
        if (!valid && operations.get(context)?.http === false) record(context, "refused");
      };
    },
    onExecute({ args }) {
      const done = recordDone(args.contextValue as object);
      return done && { onExecuteDone: done };
    },
    onSubscribe({ args }) {
      const done = recordDone(args.contextValue as object);
      return done && { onSubscribeResult: done };
    },
    onExecutionResult({ context, result }) {
      record(context, outcomeOf(result));
    },
  };
}
