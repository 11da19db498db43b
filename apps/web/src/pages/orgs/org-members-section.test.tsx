import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';
const OTHER_ID = '9d2f5e3b-4c6a-4b7d-9e0f-1a2b3c4d5e6f';
const ORG = { id: ORG_ID, name: 'Acme', slug: 'acme', createdAt: '2026-11-01T09:00:00.000Z', role: 'owner' };
const ME = {
  userId: TEST_USER.id,
  name: TEST_USER.name,
  email: TEST_USER.email,
  role: 'owner',
  joinedAt: '2026-11-01T09:00:00.000Z',
};
const GRACE = {
  userId: OTHER_ID,
  name: 'Grace Hopper',
  email: 'grace@example.com',
  role: 'viewer',
  joinedAt: '2026-11-02T09:00:00.000Z',
};
const USER = {
  ...TEST_USER,
  memberships: [{ orgId: ORG_ID, orgName: 'Acme', orgSlug: 'acme', role: 'owner' }],
  activeOrgId: ORG_ID,
};

function problem(status: number, code: string, detail: string) {
  return {
    status,
    body: { type: `https://interviewselect.dev/problems/${code}`, title: 'Problem', status, detail, code },
  };
}

describe('Organisation members', () => {
  it('changes a member’s role with PATCH and confirms with a toast', async () => {
    let members = [ME, GRACE];
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(USER),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: ORG },
      [`GET /api/v1/orgs/${ORG_ID}/members`]: () => ({ body: members }),
      [`PATCH /api/v1/orgs/${ORG_ID}/members/${OTHER_ID}`]: (init) => {
        const { role } = JSON.parse(init?.body as string) as { role: string };
        members = [ME, { ...GRACE, role }];
        return { status: 204 };
      },
    });
    renderApp(`/orgs/${ORG_ID}/members`);
    const select = await screen.findByRole('combobox', { name: 'Role of Grace Hopper' });
    expect((select as HTMLSelectElement).value).toBe('viewer');
    fireEvent.change(select, { target: { value: 'interviewer' } });

    expect(await screen.findByText('Grace Hopper is now interviewer')).toBeTruthy();
    const patches = pageCalls(fetch).filter(([, init]) => init?.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(JSON.parse(patches[0]?.[1]?.body as string)).toEqual({ role: 'interviewer' });
    await vi.waitFor(() =>
      expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Role of Grace Hopper' }).value).toBe(
        'interviewer',
      ),
    );
  });

  it('explains the last-owner 409 in an alert and keeps the old role on screen', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(USER),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: ORG },
      [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: [ME, GRACE] },
      [`PATCH /api/v1/orgs/${ORG_ID}/members/${TEST_USER.id}`]: problem(
        409,
        'org.last_owner',
        'This organisation would be left without an owner.',
      ),
    });
    renderApp(`/orgs/${ORG_ID}/members`);
    const mine = await screen.findByRole('combobox', { name: `Role of ${TEST_USER.name}` });
    fireEvent.change(mine, { target: { value: 'admin' } });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('An organisation needs at least one owner')).toBeTruthy();
    expect(within(alert).getByText(/left without an owner\./)).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: `Role of ${TEST_USER.name}` }).value).toBe('owner');
  });

  it('removes a member only after confirming, and shows the last-owner error when leaving', async () => {
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(USER),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: ORG },
      [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: [ME, GRACE] },
      [`POST /api/v1/orgs/${ORG_ID}/leave`]: problem(409, 'org.last_owner', 'You are the only owner.'),
    });
    renderApp(`/orgs/${ORG_ID}/members`);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Grace Hopper' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Grace Hopper?' });
    expect(pageCalls(fetch).some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Leave organisation' }));
    const leave = await screen.findByRole('dialog', { name: 'Leave Acme?' });
    fireEvent.click(within(leave).getByRole('button', { name: 'Leave organisation' }));
    expect(await screen.findByText('An organisation needs at least one owner')).toBeTruthy();
    expect(screen.getByText(/You are the only owner\./)).toBeTruthy();
  });

  it('shows roles read-only to members who cannot manage', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(USER),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: { ...ORG, role: 'interviewer' } },
      [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: [{ ...ME, role: 'interviewer' }, GRACE] },
    });
    renderApp(`/orgs/${ORG_ID}/members`);
    await screen.findByRole('table');
    expect(screen.queryByRole('combobox', { name: /Role of/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Invitations' })).toBeNull();
  });
});
