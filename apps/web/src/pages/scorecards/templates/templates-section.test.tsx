import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { MEMBER_USER, ORG_ID } from '../../interviews/test-fixtures';
import { TEMPLATE_ID, TEMPLATE_VERSION } from '../test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const OTHER_ID = '8e9f0a1b-2c3d-4e4f-8a5b-6c7d8e9f0a1b';
const summary = (overrides = {}) => ({
  id: TEMPLATE_ID,
  orgId: ORG_ID,
  name: 'Technical interview',
  description: '',
  status: 'active',
  isDefault: true,
  builtIn: true,
  currentVersion: 1,
  competencyCount: 2,
  scorecardCount: 3,
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...overrides,
});
const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  [`GET /api/v1/orgs/${ORG_ID}`]: {
    body: { id: ORG_ID, name: 'Acme', slug: 'acme', role: 'owner', createdAt: '2026-11-01T09:00:00.000Z' },
  },
};

describe('Scorecard templates', { timeout: 20_000 }, () => {
  it('lists templates with the default marked and lets a manager make another the default', async () => {
    let made = false;
    stubFetch({
      ...BASE,
      [`GET /api/v1/orgs/${ORG_ID}/scorecard-templates`]: {
        body: {
          items: [summary(), summary({ id: OTHER_ID, name: 'Pairing', isDefault: false, builtIn: false })],
          can: { manage: true },
        },
      },
      [`POST /api/v1/scorecard-templates/${OTHER_ID}/default`]: () => {
        made = true;
        return {
          body: {
            ...summary({ id: OTHER_ID, name: 'Pairing' }),
            current: { ...TEMPLATE_VERSION, templateId: OTHER_ID, name: 'Pairing' },
            versions: [],
            can: { manage: true },
          },
        };
      },
    });
    renderApp(`/orgs/${ORG_ID}/scorecard-templates`);
    const row = (await screen.findByRole('link', { name: 'Pairing' })).closest('tr') as HTMLElement;
    expect(screen.getByText('Default')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Make default' }));
    expect(await screen.findByText('“Pairing” is now the default')).toBeTruthy();
    expect(made).toBe(true);
  });

  it('edits a template into a new version and shows the server’s problems', async () => {
    const detail = {
      ...summary(),
      current: TEMPLATE_VERSION,
      versions: [
        {
          id: TEMPLATE_VERSION.id,
          version: 1,
          createdBy: TEMPLATE_VERSION.createdBy,
          createdAt: TEMPLATE_VERSION.createdAt,
        },
      ],
      can: { manage: true },
    };
    stubFetch({
      ...BASE,
      [`GET /api/v1/scorecard-templates/${TEMPLATE_ID}`]: { body: detail },
      [`PUT /api/v1/scorecard-templates/${TEMPLATE_ID}`]: {
        status: 409,
        body: {
          type: 'https://interviewselect.dev/problems/resource/conflict',
          title: 'Conflict',
          status: 409,
          detail: 'Someone saved a newer version of this template (you edited version 1).',
          code: 'resource.conflict',
        },
      },
    });
    renderApp(`/orgs/${ORG_ID}/scorecard-templates/${TEMPLATE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Technical interview' })).toBeTruthy();
    expect(screen.getByText(/Saving creates version 2/)).toBeTruthy();
    fireEvent.change(screen.getAllByLabelText('Level 1 label')[0] as HTMLElement, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new version' }));
    expect(
      await screen.findByText('Competency 1, level 1: Give every level a label, e.g. “Meets the bar”.'),
    ).toBeTruthy();
    fireEvent.change(screen.getAllByLabelText('Level 1 label')[0] as HTMLElement, { target: { value: 'Weak' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new version' }));
    expect(
      await screen.findByText('Someone saved a newer version of this template (you edited version 1).'),
    ).toBeTruthy();
  });
});
