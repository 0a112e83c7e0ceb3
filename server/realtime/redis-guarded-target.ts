// Yoga's Redis event target over guarded stand-ins for its two clients.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import type { Redis } from "ioredis";
import type { RedisConnections } from "./redis-connections.js";

/** The event target, and each subscribed channel's SUBSCRIBE confirmation. */
export interface GuardedEventTarget {
  eventTarget: EventTarget;
  /** Channel → its SUBSCRIBE's confirmation, while subscribed. */
  confirmations: Map<string, Promise<unknown>>;
  /**
   * Settles once Redis has answered every PUBLISH sent so far (or refused it): one
   * connection answers in order, so the last one's answer stands for all.
   */
  published(): Promise<unknown>;
}

/**
 * Builds the event target. Its calls to Redis never reject: the event target neither
 * awaits nor catches them, and an unhandled rejection ends a Node process. A failure
 * goes to `failed` (what failed, and why) instead.
 */
export function createGuardedEventTarget({ publisher, subscriber }: RedisConnections, failed: (what: string, error: Error) => void): GuardedEventTarget {
  const swallow = (what: string) => (error: Error) => {
    failed(what, error);
    return 0;
  };
  const confirmations = new Map<string, Promise<unknown>>();
  let lastPublish: Promise<unknown> = Promise.resolve();
  const publishClient = {
    publish: (channel: string, message: string) => (lastPublish = publisher.publish(channel, message).catch(swallow("publish"))),
  };
  const subscribeClient = {
    on(event: "message", handler: (channel: string, message: string) => void) {
      subscriber.on(event, handler);
      return subscribeClient;
    },
    subscribe(channel: string) {
      const confirmed = subscriber.subscribe(channel).catch(swallow("subscribe"));
      confirmations.set(channel, confirmed);
      return confirmed;
    },
    unsubscribe(channel: string) {
      confirmations.delete(channel);
      return subscriber.unsubscribe(channel).catch(swallow("unsubscribe"));
    },
  };
  const eventTarget = createRedisEventTarget({
    // It calls nothing else (publish, on("message"), subscribe, unsubscribe): these guarded wrappers stand in for clients.
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
  }) as unknown as EventTarget;
  return { eventTarget, confirmations, published: () => lastPublish };
}
