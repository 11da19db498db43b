import { QueryClient } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../app/providers';
import { routes } from '../app/router';

// Pages are lazy-loaded: the first render of a page in a file transforms its module, which takes more than
// testing-library's default second on a loaded CI machine. findBy* still returns as soon as the element is there.
configure({ asyncUtilTimeout: 5_000 });

/**
 * Renders the real route tree at `path` inside the app's providers, the way
 * a user would land on that URL. Retries are off so failures show at once.
 */
export function renderApp(path: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...view, router, queryClient };
}
