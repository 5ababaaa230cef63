import { createParser } from 'eventsource-parser';
import { applyEvent, fromSnapshot, type DepartmentQueue } from './queueModel';
import { CLOSE_SESSION_ENDED, CLOSE_TOKEN_EXPIRED, parseFrame, type ClientFrame, type ServerFrame } from './protocol';

export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'paused';
export type Transport = 'websocket' | 'sse';

export interface StreamState {
  status: ConnectionStatus;
  transport: Transport;
  queues: ReadonlyMap<string, DepartmentQueue>;
  /** Per department: why it has no live data (not a member, snapshot unavailable). */
  errors: ReadonlyMap<string, string>;
  /** Failed attempts in a row; 0 once live. */
  attempt: number;
}

/** Where the stream's access token comes from: the session, in the app. */
export interface TokenSource {
  current(): string | undefined;
  subscribe(listener: () => void): () => void;
}

export interface StreamDeps {
  WebSocket: new (url: string, protocols: string[]) => WebSocket;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  origin: { protocol: string; host: string };
  setTimeout: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimeout: (handle: ReturnType<typeof setTimeout> | undefined) => void;
}

/** Opening the WebSocket failed this often in a row without ever opening: the network refuses it, use SSE. */
const WEBSOCKET_FAILURES_BEFORE_SSE = 2;
const MAX_BACKOFF_MS = 30_000;
const BASE_BACKOFF_MS = 500;

/**
 * The one live-queue client of the app: snapshot first, then deltas in sequence; a gap (an event skipped, or a
 * heartbeat ahead of what arrived) triggers a resync; silence past two heartbeats, a dropped connection or a
 * close reconnects with exponential backoff and jitter; where WebSockets cannot open it falls back to SSE.
 * The stream is bound to the access token: a fresh token from the session is sent in-band (WebSocket) or
 * used for the next connection (SSE); a signed-out session pauses it.
 */
export class QueueStream {
  private state: StreamState = { status: 'idle', transport: 'websocket', queues: new Map(), errors: new Map(), attempt: 0 };
  private departments: string[] = [];
  private readonly listeners = new Set<() => void>();
  private socket: WebSocket | undefined;
  private sse: AbortController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatMs = 15_000;
  private websocketFailures = 0;
  private opened = false;
  private streamToken: string | undefined;
  private unsubscribeToken: () => void;
  private closed = false;

  constructor(private readonly tokens: TokenSource, private readonly deps: StreamDeps) {
    this.unsubscribeToken = tokens.subscribe(() => this.onTokenChange());
  }

  /**
   * Undoes {@link close}: the same stream serves its provider again when React mounts it anew (StrictMode mounts
   * every effect twice in development) and picks up the departments it was following.
   */
  open(): void {
    if (!this.closed) return;
    this.closed = false;
    this.unsubscribeToken = this.tokens.subscribe(() => this.onTokenChange());
    if (this.departments.length > 0) this.reconnectNow();
  }

  getState(): StreamState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The departments to follow (replaces the previous set). */
  follow(departments: string[]): void {
    const next = [...new Set(departments)].sort();
    if (next.join() === this.departments.join()) return;
    this.departments = next;
    const queues = new Map([...this.state.queues].filter(([id]) => next.includes(id)));
    this.update({ queues, errors: new Map() });
    if (next.length === 0) {
      this.disconnect();
      this.update({ status: 'idle' });
    } else if (this.socket?.readyState === 1 && this.opened) {
      this.send({ type: 'subscribe', departments: next });
    } else {
      this.reconnectNow();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribeToken();
    this.disconnect();
  }

  private connect(): void {
    if (this.closed || this.departments.length === 0) return;
    const token = this.tokens.current();
    if (!token) {
      this.update({ status: 'paused' });
      return;
    }
    this.streamToken = token;
    this.update({ status: this.state.attempt === 0 && this.state.status !== 'reconnecting' ? 'connecting' : 'reconnecting' });
    if (this.state.transport === 'websocket') this.connectWebSocket(token);
    else void this.connectSse(token);
  }

  private connectWebSocket(token: string): void {
    const scheme = this.deps.origin.protocol === 'https:' ? 'wss:' : 'ws:';
    // the gateway reads the token from the sub-protocol header (browsers cannot set Authorization on an upgrade)
    const socket = new this.deps.WebSocket(`${scheme}//${this.deps.origin.host}/ws/queue`,
      ['bearer-token-carrier', encodeURI(`quarkus-http-upgrade#Authorization#Bearer ${token}`)]);
    this.socket = socket;
    this.opened = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.opened = true;
      this.websocketFailures = 0;
      this.watchSilence();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      const frame = typeof event.data === 'string' ? parseFrame(event.data) : undefined;
      if (frame) this.onFrame(frame);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.deps.clearTimeout(this.silenceTimer);
      if (!this.opened) {
        this.websocketFailures += 1;
        if (this.websocketFailures >= WEBSOCKET_FAILURES_BEFORE_SSE) this.update({ transport: 'sse' });
      }
      this.onEnded(event.code);
    };
  }

  private async connectSse(token: string): Promise<void> {
    const controller = new AbortController();
    this.sse = controller;
    const query = encodeURIComponent(this.departments.join(','));
    let endCode: number | undefined;
    try {
      const response = await this.deps.fetch(`/api/v1/queue/stream?departments=${query}`, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
        signal: controller.signal,
        credentials: 'same-origin',
      });
      if (response.status === 401) endCode = CLOSE_TOKEN_EXPIRED;
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      this.opened = true;
      this.watchSilence();
      const parser = createParser({
        onEvent: (message) => {
          const frame = parseFrame(message.data);
          if (!frame) return;
          if (frame.type === 'token-expired') endCode = CLOSE_TOKEN_EXPIRED;
          if (frame.type === 'session-ended') endCode = CLOSE_SESSION_ENDED;
          this.onFrame(frame);
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done || this.sse !== controller) break;
        parser.feed(value);
      }
    } catch {
      // dropped, refused or aborted: handled below like a close
    }
    if (this.sse !== controller) return; // replaced or closed on purpose
    this.sse = undefined;
    this.deps.clearTimeout(this.silenceTimer);
    this.onEnded(endCode ?? 1006);
  }

  private onFrame(frame: ServerFrame): void {
    this.watchSilence();
    switch (frame.type) {
      case 'welcome':
        this.heartbeatMs = frame.heartbeatSeconds * 1000;
        this.send({ type: 'subscribe', departments: this.departments });
        break;
      case 'subscribed':
        break;
      case 'snapshot': {
        if (!this.departments.includes(frame.departmentId)) break;
        const queues = new Map(this.state.queues);
        queues.set(frame.departmentId, fromSnapshot(frame.snapshot, this.deps.now()));
        const errors = new Map(this.state.errors);
        errors.delete(frame.departmentId);
        this.update({ queues, errors, status: 'live', attempt: 0 });
        break;
      }
      case 'queue-event': {
        const queue = this.state.queues.get(frame.departmentId);
        if (!queue) break; // its snapshot is still to come; the snapshot includes it or the event follows it
        const result = applyEvent(queue, frame.sequence, frame.entry, this.deps.now());
        if (result.outcome === 'applied') {
          const queues = new Map(this.state.queues);
          queues.set(frame.departmentId, result.queue);
          this.update({ queues });
        } else if (result.outcome === 'gap') {
          this.resync(frame.departmentId);
        }
        break;
      }
      case 'heartbeat':
        for (const [department, sequence] of Object.entries(frame.sequences)) {
          const queue = this.state.queues.get(department);
          if (queue && sequence > queue.sequence) this.resync(department);
        }
        break;
      case 'error': {
        if (!frame.departmentId) break;
        const errors = new Map(this.state.errors);
        errors.set(frame.departmentId, frame.detail);
        this.update({ errors });
        break;
      }
      case 'token-expiring': {
        // the session refreshes an active user's token about now; send it as soon as there is a newer one
        const token = this.tokens.current();
        if (token && token !== this.streamToken) this.reauthenticate(token);
        break;
      }
      case 'reauthenticated':
      case 'reauthenticate-refused':
      case 'token-expired':
      case 'session-ended':
        break;
    }
  }

  private resync(department: string): void {
    if (this.socket && this.opened) {
      this.send({ type: 'resync', departments: [department] });
    } else {
      this.reconnectNow(); // SSE has no resync message: a new stream starts with fresh snapshots
    }
  }

  private onTokenChange(): void {
    const token = this.tokens.current();
    if (!token) {
      this.disconnect();
      this.update({ status: 'paused', queues: new Map() }); // signed out: nothing of the queue stays on screen
      return;
    }
    if (token === this.streamToken) return;
    if (this.state.status === 'paused' || this.state.status === 'idle') {
      this.reconnectNow();
    } else if (this.socket && this.opened) {
      this.reauthenticate(token);
    }
    // SSE: the current stream ends at its token's expiry and the next one uses the fresh token
  }

  private reauthenticate(token: string): void {
    this.streamToken = token;
    this.send({ type: 'reauthenticate', token });
  }

  private onEnded(code: number): void {
    if (this.closed) return;
    if (code === CLOSE_SESSION_ENDED) {
      this.update({ status: 'paused', queues: new Map() });
      return;
    }
    const token = this.tokens.current();
    if (code === CLOSE_TOKEN_EXPIRED && (!token || token === this.streamToken)) {
      // no fresh token yet (an idle user): resume when the session has one
      this.update({ status: 'paused' });
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const attempt = this.state.attempt + 1;
    const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
    const delay = backoff / 2 + this.deps.random() * (backoff / 2); // jitter: not every screen at once
    this.update({ status: 'reconnecting', attempt });
    this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = this.deps.setTimeout(() => this.connect(), delay);
  }

  private reconnectNow(): void {
    this.disconnect();
    this.connect();
  }

  /** Silence for two heartbeats (plus slack) means a dead connection that no close event reported. */
  private watchSilence(): void {
    this.deps.clearTimeout(this.silenceTimer);
    this.silenceTimer = this.deps.setTimeout(() => {
      this.disconnect();
      this.scheduleReconnect();
    }, this.heartbeatMs * 2 + 5_000);
  }

  private disconnect(): void {
    this.deps.clearTimeout(this.retryTimer);
    this.deps.clearTimeout(this.silenceTimer);
    const socket = this.socket;
    this.socket = undefined;
    if (socket) socket.close(1000, 'client closed');
    const sse = this.sse;
    this.sse = undefined;
    sse?.abort();
    this.opened = false;
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === 1) this.socket.send(JSON.stringify(frame));
  }

  private update(patch: Partial<StreamState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}
