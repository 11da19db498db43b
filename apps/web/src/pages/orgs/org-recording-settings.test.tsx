import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5f';
const org = (role: string) => ({ id: ORG_ID, name: 'Acme', slug: 'acme', createdAt: '2026-11-01T09:00:00.000Z', role });
const userIn = (role: string) => ({
  ...TEST_USER,
  memberships: [{ orgId: ORG_ID, orgName: 'Acme', orgSlug: 'acme', role }],
  activeOrgId: ORG_ID,
});

function stub(role: string) {
  let days = 90;
  return stubFetch({
    'GET /api/v1/auth/session': sessionOf(userIn(role)),
    [`GET /api/v1/orgs/${ORG_ID}`]: { body: org(role) },
    [`GET /api/v1/orgs/${ORG_ID}/settings`]: () => ({ body: { recordingRetentionDays: days } }),
    [`PATCH /api/v1/orgs/${ORG_ID}/settings`]: (init) => {
      days = (JSON.parse(init?.body as string) as { recordingRetentionDays: number }).recordingRetentionDays;
      return { body: { recordingRetentionDays: days } };
    },
  });
}

describe('Recording retention setting', { timeout: 20_000 }, () => {
  it('admins change how many days recordings are kept; out-of-range values are explained', async () => {
    const fetch = stub('admin');
    renderApp(`/orgs/${ORG_ID}/recordings`);
    const field = await screen.findByRole<HTMLInputElement>('spinbutton', { name: /Keep recordings for \(days\)/ });
    expect(field.value).toBe('90');
    const form = screen.getByRole('form', { name: 'Recording retention' });

    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Keep recordings at least 1 day.')).toBeTruthy();

    fireEvent.change(field, { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));
    const patches = pageCalls(fetch).filter(([, init]) => init?.method === 'PATCH');
    expect(patches.map(([, init]) => JSON.parse(init?.body as string) as unknown)).toEqual([
      { recordingRetentionDays: 30 },
    ]);
    expect(field.value).toBe('30');
  });

  it('shows other members the setting without a way to change it', async () => {
    stub('interviewer');
    renderApp(`/orgs/${ORG_ID}/recordings`);
    const field = await screen.findByRole<HTMLInputElement>('spinbutton', { name: /Keep recordings for \(days\)/ });
    expect(field.readOnly).toBe(true);
    expect(screen.getByText('Owners and admins can change this.')).toBeTruthy();
  });
});
