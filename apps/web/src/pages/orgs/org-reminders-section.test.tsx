import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';
const orgAs = (role: string) => ({
  id: ORG_ID,
  name: 'Acme',
  slug: 'acme',
  createdAt: '2026-11-01T09:00:00.000Z',
  role,
});
const userAs = (role: string) => ({
  ...TEST_USER,
  memberships: [{ orgId: ORG_ID, orgName: 'Acme', orgSlug: 'acme', role }],
  activeOrgId: ORG_ID,
});
const SETTINGS = `/api/v1/orgs/${ORG_ID}/calendar-settings`;

describe('Organisation → Reminders', () => {
  it('lets an owner remove and add reminder times, refusing impossible ones, and saves them', async () => {
    let saved: unknown = null;
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(userAs('owner')),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: orgAs('owner') },
      [`GET ${SETTINGS}`]: { body: { reminderOffsetsMinutes: [1440, 60] } },
      [`PUT ${SETTINGS}`]: (init) => {
        saved = JSON.parse(init?.body as string) as unknown;
        return { body: saved };
      },
    });
    renderApp(`/orgs/${ORG_ID}/reminders`);
    const list = await screen.findByRole('list', { name: 'Reminder times' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('1 day before'), expect.stringContaining('1 hour before')]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the reminder 1 hour before' }));
    fireEvent.change(screen.getByLabelText('Remind'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: 'minutes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add reminder' }));
    expect(await screen.findByText(/at least 5 minutes/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Remind'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add reminder' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByText('Reminders saved')).toBeTruthy();
    expect(saved).toEqual({ reminderOffsetsMinutes: [1440, 30] });
    expect(pageCalls(fetch).some(([url, init]) => url === SETTINGS && init?.method === 'PUT')).toBe(true);
  });

  it('shows an interviewer the times without the controls to change them', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(userAs('interviewer')),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: orgAs('interviewer') },
      [`GET ${SETTINGS}`]: { body: { reminderOffsetsMinutes: [60] } },
    });
    renderApp(`/orgs/${ORG_ID}/reminders`);
    expect(await screen.findByText('1 hour before')).toBeTruthy();
    expect(screen.getByText(/Only owners and admins/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save reminders' })).toBeNull();
  });
});
