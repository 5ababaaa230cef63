import { Badge, Tooltip } from '@mantine/core';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { session } from '../auth/session';
import { QueueStream, type StreamState } from './QueueStream';
import { rows, type DepartmentQueue, type QueueRow } from './queueModel';

const StreamContext = createContext<QueueStream | undefined>(undefined);

function browserStream(): QueueStream {
  return new QueueStream(
    { current: () => session.accessToken(), subscribe: (l) => session.subscribe(l) },
    {
      WebSocket: window.WebSocket,
      fetch: (input, init) => window.fetch(input, init),
      now: () => Date.now(),
      random: Math.random,
      origin: window.location,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle),
    },
  );
}

/** One live connection for the whole app, following `departments`. */
export function LiveQueueProvider({ departments, children }: { departments: string[]; children: ReactNode }) {
  const [stream] = useState(browserStream);
  useEffect(() => {
    stream.open();
    return () => stream.close();
  }, [stream]);
  const key = [...departments].sort().join();
  useEffect(() => stream.follow(key ? key.split(',') : []), [stream, key]);
  return <StreamContext.Provider value={stream}>{children}</StreamContext.Provider>;
}

export function useStreamState(): StreamState {
  const stream = useContext(StreamContext);
  if (!stream) throw new Error('useStreamState outside LiveQueueProvider');
  return useSyncExternalStore((l) => stream.subscribe(l), () => stream.getState());
}

/** A clock that ticks, for waiting times and SLA timers. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface LiveQueue {
  queue: DepartmentQueue | undefined;
  rows: QueueRow[];
  error: string | undefined;
  state: StreamState;
}

/** The live queue of one department, in queue order, re-evaluated every second for SLA timers. */
export function useLiveQueue(departmentId: string | undefined): LiveQueue {
  const state = useStreamState();
  const now = useNow();
  const queue = departmentId ? state.queues.get(departmentId) : undefined;
  const list = useMemo(() => (queue ? rows(queue, now) : []), [queue, now]);
  return { queue, rows: list, error: departmentId ? state.errors.get(departmentId) : undefined, state };
}

const LABELS: Record<StreamState['status'], { color: string; label: string; help: string }> = {
  live: { color: 'green', label: 'Live', help: 'Queue changes appear within a second.' },
  connecting: { color: 'blue', label: 'Connecting…', help: 'Opening the live queue.' },
  reconnecting: { color: 'orange', label: 'Reconnecting…', help: 'The live connection dropped; retrying. What you see may be out of date.' },
  paused: { color: 'gray', label: 'Paused', help: 'Live updates resume when your session is refreshed.' },
  idle: { color: 'gray', label: 'Not following', help: 'No department selected.' },
};

/** Always visible in the header: whether the queue on screen is live. */
export function ConnectionIndicator() {
  const { status, transport } = useStreamState();
  const { color, label, help } = LABELS[status];
  return (
    <Tooltip label={`${help}${status === 'live' && transport === 'sse' ? ' (server-sent events)' : ''}`}>
      <Badge color={color} variant="dot" size="lg" role="status" aria-live="polite" data-testid="connection-status"
        data-status={status}>
        {label}
      </Badge>
    </Tooltip>
  );
}
