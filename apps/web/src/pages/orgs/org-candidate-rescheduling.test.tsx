import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';
const org = (role: string) => ({ id: ORG_ID, name: 'Acme', slug: 'acme', createdAt: '2026-11-01T09:00:00.000Z', role });
const session = (role: string) =>
  sessionOf({
    ...TEST_USER,
    memberships: [{ orgId: ORG_ID, orgName: 'Acme', orgSlug: 'acme', role }],
    activeOrgId: ORG_ID,
  });
const SETTINGS = `/api/v1/orgs/${ORG_ID}/scheduling-settings`;
const REMINDERS = `/api/v1/orgs/${ORG_ID}/calendar-settings`;
const LABEL = 'Candidates may reschedule through their scheduling link';

describe('Organisation → Reminders → Candidate rescheduling', () => {
  it('lets an owner allow candidates to reschedule through their link', async () => {
    const saved: unknown[] = [];
    stubFetch({
      'GET /api/v1/auth/session': session('owner'),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: org('owner') },
      [`GET ${REMINDERS}`]: { body: { reminderOffsetsMinutes: [1440] } },
      [`GET ${SETTINGS}`]: { body: { candidateMayReschedule: false } },
      [`PUT ${SETTINGS}`]: (init) => {
        const body = JSON.parse(init?.body as string) as unknown;
        saved.push(body);
        return { body };
      },
    });
    renderApp(`/orgs/${ORG_ID}/reminders`);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: LABEL });
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(await screen.findByText('Candidates may reschedule')).toBeTruthy();
    expect(saved).toEqual([{ candidateMayReschedule: true }]);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: LABEL }).checked).toBe(true);
  });

  it('shows an interviewer the setting without letting them change it', async () => {
    stubFetch({
      'GET /api/v1/auth/session': session('interviewer'),
      [`GET /api/v1/orgs/${ORG_ID}`]: { body: org('interviewer') },
      [`GET ${REMINDERS}`]: { body: { reminderOffsetsMinutes: [60] } },
      [`GET ${SETTINGS}`]: { body: { candidateMayReschedule: true } },
    });
    renderApp(`/orgs/${ORG_ID}/reminders`);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: LABEL });
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    expect(screen.getByText('Owners and admins can change this.')).toBeTruthy();
  });
});
