import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueueStream, type StreamDeps, type TokenSource } from './QueueStream';

const DEPT = '0193a000-0000-7000-8000-000000000001';

/** A WebSocket double the test drives: it records what the client sends and lets the test play the server. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  server(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function entry(id: string, status = 'ARRIVED', priority = 3, arrivedAt = '2026-12-05T10:00:00Z') {
  return { id, departmentId: DEPT, ticket: `A-${id}`, status, priority, arrivedAt, slaDueAt: '2026-12-05T11:00:00Z' };
}

function tokens(initial: string | undefined) {
  let token = initial;
  const listeners = new Set<() => void>();
  const source: TokenSource = { current: () => token, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  return { source, set(next: string | undefined) { token = next; listeners.forEach((l) => l()); } };
}

function deps(): StreamDeps {
  return {
    WebSocket: FakeSocket as unknown as StreamDeps['WebSocket'],
    fetch: vi.fn(() => Promise.reject(new TypeError('no network'))),
    now: () => Date.parse('2026-12-05T10:30:00Z'),
    random: () => 0.5,
    origin: { protocol: 'http:', host: 'clinic.test' },
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (h) => clearTimeout(h),
  };
}

function connected(stream: QueueStream): FakeSocket {
  stream.follow([DEPT]);
  const socket = FakeSocket.all.at(-1)!;
  socket.open();
  socket.server({ type: 'welcome', heartbeatSeconds: 15 });
  socket.server({ type: 'snapshot', departmentId: DEPT, snapshot: { departmentId: DEPT, sequence: 10, entries: [{ entry: entry('1') }] } });
  return socket;
}

describe('QueueStream', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('authenticates the upgrade with the token as a sub-protocol and subscribes after the welcome', () => {
    const stream = new QueueStream(tokens('tok-1').source, deps());
    const socket = connected(stream);
    expect(socket.url).toBe('ws://clinic.test/ws/queue');
    expect(socket.protocols[0]).toBe('bearer-token-carrier');
    expect(decodeURI(socket.protocols[1]!)).toBe('quarkus-http-upgrade#Authorization#Bearer tok-1');
    expect(socket.sent[0]).toEqual({ type: 'subscribe', departments: [DEPT] });
    expect(stream.getState().status).toBe('live');
    expect(stream.getState().queues.get(DEPT)?.entries.size).toBe(1);
  });

  it('serves again after close and open (React mounts a provider twice in StrictMode) without a second follow', () => {
    const stream = new QueueStream(tokens('t').source, deps());
    const first = connected(stream);
    stream.close();
    expect(first.readyState).toBe(3);
    const sockets = FakeSocket.all.length;
    stream.open();
    expect(FakeSocket.all).toHaveLength(sockets + 1);
    const second = FakeSocket.all.at(-1)!;
    second.open();
    second.server({ type: 'welcome', heartbeatSeconds: 15 });
    expect(second.sent[0]).toEqual({ type: 'subscribe', departments: [DEPT] });
    second.server({ type: 'snapshot', departmentId: DEPT, snapshot: { departmentId: DEPT, sequence: 20, entries: [{ entry: entry('5') }] } });
    expect(stream.getState().status).toBe('live');
    expect(stream.getState().queues.get(DEPT)!.sequence).toBe(20);
  });

  it('stays closed after close: no reconnect on a token change', () => {
    const source = tokens('t');
    const stream = new QueueStream(source.source, deps());
    connected(stream);
    stream.close();
    const sockets = FakeSocket.all.length;
    source.set('t2');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(sockets);
  });

  it('applies events in sequence and removes ended entries', () => {
    const stream = new QueueStream(tokens('t').source, deps());
    const socket = connected(stream);
    socket.server({ type: 'queue-event', eventId: 'e', eventType: 'x', departmentId: DEPT, sequence: 11, entry: entry('2', 'ARRIVED', 2) });
    expect([...stream.getState().queues.get(DEPT)!.entries.keys()]).toEqual(['1', '2']);
    socket.server({ type: 'queue-event', eventId: 'f', eventType: 'x', departmentId: DEPT, sequence: 12, entry: entry('1', 'FINISHED') });
    expect([...stream.getState().queues.get(DEPT)!.entries.keys()]).toEqual(['2']);
    expect(stream.getState().queues.get(DEPT)!.sequence).toBe(12);
  });

  it('ignores an event already in the snapshot', () => {
    const stream = new QueueStream(tokens('t').source, deps());
    const socket = connected(stream);
    socket.server({ type: 'queue-event', eventId: 'e', eventType: 'x', departmentId: DEPT, sequence: 10, entry: entry('9') });
    expect(stream.getState().queues.get(DEPT)!.entries.has('9')).toBe(false);
    expect(socket.sent).toHaveLength(1);
  });

  it('asks for a resync on a sequence gap and does not apply the event after the gap', () => {
    const stream = new QueueStream(tokens('t').source, deps());
    const socket = connected(stream);
    socket.server({ type: 'queue-event', eventId: 'e', eventType: 'x', departmentId: DEPT, sequence: 12, entry: entry('3') });
    expect(socket.sent.at(-1)).toEqual({ type: 'resync', departments: [DEPT] });
    expect(stream.getState().queues.get(DEPT)!.entries.has('3')).toBe(false);
  });

  it('resyncs when a heartbeat shows an event it never received', () => {
    const stream = new QueueStream(tokens('t').source, deps());
    const socket = connected(stream);
    socket.server({ type: 'heartbeat', time: 'now', sequences: { [DEPT]: 11 } });
    expect(socket.sent.at(-1)).toEqual({ type: 'resync', departments: [DEPT] });
  });

  it('reconnects with growing backoff after drops, and is live again after the new snapshot', () => {
    const stream = new QueueStream(tokens('t').source, deps());
    const first = connected(stream);
    first.drop();
    expect(stream.getState().status).toBe('reconnecting');
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(400); // first retry after 250–500 ms (jitter 0.5 → 375 ms)
    expect(FakeSocket.all).toHaveLength(2);
    const second = FakeSocket.all[1]!;
    second.open();
    second.drop();
    vi.advanceTimersByTime(600);
    expect(FakeSocket.all).toHaveLength(2); // second retry waits 500–1000 ms (750 ms)
    vi.advanceTimersByTime(200);
    expect(FakeSocket.all).toHaveLength(3);
    const third = FakeSocket.all[2]!;
    third.open();
    third.server({ type: 'welcome', heartbeatSeconds: 15 });
    third.server({ type: 'snapshot', departmentId: DEPT, snapshot: { departmentId: DEPT, sequence: 20, entries: [] } });
    expect(stream.getState()).toMatchObject({ status: 'live', attempt: 0 });
  });

  it('reconnects when the server goes silent for two heartbeats', () => {
    const stream = new QueueStream(tokens('t').source, deps());
    connected(stream);
    vi.advanceTimersByTime(34_000);
    expect(stream.getState().status).toBe('live');
    vi.advanceTimersByTime(2_000);
    expect(stream.getState().status).toBe('reconnecting');
  });

  it('falls back to server-sent events when the WebSocket never opens', () => {
    const d = deps();
    const stream = new QueueStream(tokens('t').source, d);
    stream.follow([DEPT]);
    FakeSocket.all[0]!.drop();
    vi.advanceTimersByTime(400);
    FakeSocket.all[1]!.drop();
    expect(stream.getState().transport).toBe('sse');
    vi.advanceTimersByTime(1000);
    expect(d.fetch).toHaveBeenCalledWith(`/api/v1/queue/stream?departments=${DEPT}`, expect.objectContaining({
      headers: expect.objectContaining({ Authorization: 'Bearer t' }),
    }));
  });

  it('sends a fresh token in-band and clears the queue from the screen when signed out', () => {
    const t = tokens('old');
    const stream = new QueueStream(t.source, deps());
    const socket = connected(stream);
    t.set('new');
    expect(socket.sent.at(-1)).toEqual({ type: 'reauthenticate', token: 'new' });
    t.set(undefined);
    expect(stream.getState().status).toBe('paused');
    expect(stream.getState().queues.size).toBe(0);
  });

  it('waits for a fresh token after the gateway closes an expired one', () => {
    const t = tokens('old');
    const stream = new QueueStream(t.source, deps());
    const socket = connected(stream);
    socket.drop(4401);
    expect(stream.getState().status).toBe('paused');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    t.set('fresh');
    expect(FakeSocket.all).toHaveLength(2);
    expect(decodeURI(FakeSocket.all[1]!.protocols[1]!)).toContain('Bearer fresh');
  });
});
