import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach } from 'vitest';
import { theme } from '../../layout/theme';

// vitest runs without globals, so Testing Library does not unmount by itself
afterEach(() => cleanup());

/** A screen as the app renders it (theme, server-state cache, router), for form tests. */
export function renderScreen(ui: ReactNode, route = '/') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={theme}>
      <Notifications />
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** A JSON answer as the services send it. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

/** The requests a fetch mock received, as method + path (+ parsed body). */
export async function sent(fetchMock: { mock: { calls: unknown[][] } }) {
  return Promise.all(fetchMock.mock.calls.map(async ([input, init]) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init as RequestInit);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    return { method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) as unknown : undefined };
  }));
}
