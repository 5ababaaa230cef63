import type { QueueEntry, QueueSnapshot } from './queueModel';

/**
 * Frames of the gateway's staff queue stream (WebSocket /ws/queue and SSE /api/v1/queue/stream), as documented
 * on the gateway's QueueWebSocket and QueueEventStream. The snapshot and entry bodies are the API's own types.
 */
export type ServerFrame =
  | { type: 'welcome'; heartbeatSeconds: number }
  | { type: 'subscribed'; departments: string[] }
  | { type: 'snapshot'; departmentId: string; snapshot: QueueSnapshot }
  | { type: 'queue-event'; eventId: string; eventType: string; time?: string; departmentId: string; sequence: number; entry?: QueueEntry }
  | { type: 'heartbeat'; time: string; sequences: Record<string, number> }
  | { type: 'error'; departmentId?: string; detail: string }
  | { type: 'token-expiring'; expiresAt: string }
  | { type: 'reauthenticated'; expiresAt: string; departments: string[] }
  | { type: 'reauthenticate-refused'; detail: string }
  | { type: 'token-expired'; detail: string }
  | { type: 'session-ended'; detail: string };

export type ClientFrame =
  | { type: 'subscribe'; departments: string[] }
  | { type: 'resync'; departments: string[] }
  | { type: 'reauthenticate'; token: string };

/** Close codes the gateway uses. */
export const CLOSE_TOKEN_EXPIRED = 4401;
export const CLOSE_SESSION_ENDED = 4403;

export function parseFrame(text: string): ServerFrame | undefined {
  try {
    const value = JSON.parse(text) as { type?: unknown };
    return typeof value.type === 'string' ? (value as ServerFrame) : undefined;
  } catch {
    return undefined;
  }
}
