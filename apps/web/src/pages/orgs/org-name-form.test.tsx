import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';
const ORG = { id: ORG_ID, name: 'Acme', slug: 'acme', createdAt: '2026-11-01T09:00:00.000Z', role: 'owner' };
const ME = {
  userId: TEST_USER.id,
  name: TEST_USER.name,
  email: TEST_USER.email,
  role: 'owner',
  joinedAt: '2026-11-01T09:00:00.000Z',
};
const userIn = (orgName: string, role = 'owner') => ({
  ...TEST_USER,
  memberships: [{ orgId: ORG_ID, orgName, orgSlug: 'acme', role }],
  activeOrgId: ORG_ID,
});

describe('Renaming an organisation', () => {
  it('saves with PATCH, renames the header and the org switcher, and says "Saved"', async () => {
    let name = 'Acme';
    const fetch = stubFetch({
      'GET /api/v1/auth/session': () => sessionOf(userIn(name)),
      [`GET /api/v1/orgs/${ORG_ID}`]: () => ({ body: { ...ORG, name } }),
      [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: [ME] },
      [`PATCH /api/v1/orgs/${ORG_ID}`]: (init) => {
        name = (JSON.parse(init?.body as string) as { name: string }).name;
        return { body: { ...ORG, name } };
      },
    });
    renderApp(`/orgs/${ORG_ID}/members`);
    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Organisation name' });
    expect(field.value).toBe('Acme');
    expect(screen.getByRole('option', { name: 'Acme' })).toBeTruthy();

    fireEvent.change(field, { target: { value: '  Acme Labs ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const form = screen.getByRole('form', { name: 'Rename organisation' });
    await vi.waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));
    const patches = pageCalls(fetch).filter(([, init]) => init?.method === 'PATCH');
    expect(patches.map(([, init]) => JSON.parse(init?.body as string) as unknown)).toEqual([{ name: 'Acme Labs' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Acme Labs' })).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Acme Labs' })).toBeTruthy();

    fireEvent.change(field, { target: { value: 'Acme Labs!' } });
    expect(within(form).getByRole('status').textContent).toBe('');
  });

  it('shows the server’s validation message under the field', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(userIn('Acme', 'admin')),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: { ...ORG, role: 'admin' } },
      [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: [{ ...ME, role: 'admin' }] },
      [`PATCH /api/v1/orgs/${ORG_ID}`]: {
        status: 400,
        body: {
          type: 'https://interviewselect.dev/problems/request/validation_failed',
          title: 'Invalid request',
          status: 400,
          detail: 'The request is invalid.',
          code: 'request.validation_failed',
          issues: [{ path: 'body.name', message: 'That name is reserved.' }],
        },
      },
    });
    renderApp(`/orgs/${ORG_ID}/members`);
    const field = await screen.findByRole('textbox', { name: 'Organisation name' });
    fireEvent.change(field, { target: { value: 'Admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const message = await screen.findByText('That name is reserved.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Acme' })).toBeTruthy();
  });

  it('is not offered to members the server would refuse', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(userIn('Acme', 'recruiter')),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: { ...ORG, role: 'recruiter' } },
      [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: [{ ...ME, role: 'recruiter' }] },
    });
    renderApp(`/orgs/${ORG_ID}/members`);
    await screen.findByRole('table');
    expect(screen.queryByRole('textbox', { name: 'Organisation name' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Rename organisation' })).toBeNull();
  });
});
