import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';
import { NAV_ITEMS } from './nav-items';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('App shell', () => {
  it('renders "Page not found" inside the layout for an unknown address', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/no/such/page')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('navigation', { name: 'Primary' })).toBeTruthy();
  });

  it('has a skip link to main and every navigation entry', async () => {
    stubFetch({ 'GET /api/v1/system': { status: 503, body: undefined } });
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    for (const item of NAV_ITEMS) {
      const href = item.kind === 'route' ? item.to : item.href;
      const links = nav.querySelectorAll(`a[href="${href}"]`);
      expect(links.length, item.label).toBe(1);
    }
    // The API reference is served by the server: a plain link, not a client-side route.
    expect(screen.getAllByRole('link', { name: /API reference/ })[0]?.getAttribute('href')).toBe('/api/docs');
  });

  it('shows the deployment error with a retry on the home page when the server is down', async () => {
    stubFetch({ 'GET /api/v1/system': { status: 503, body: undefined } });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: "Couldn't load deployment details" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
