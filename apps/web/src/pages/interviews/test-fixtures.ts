import type { Interview, InterviewLink, Lobby } from '@interviewselect/contracts';
import { TEST_USER } from '../../testing/fetch-stub';

/** Shared fixtures for the interview screens' tests. */
export const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';
export const INTERVIEW_ID = '0b9d6a4e-3f2c-4d8e-9a1b-5c7d9e0f1a2b';
export const GRACE_ID = '9d2f5e3b-4c6a-4b7d-9e0f-1a2b3c4d5e6f';
export const LINK_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
export const TOKEN = 'tok_0123456789abcdefABCDEF';

export const MEMBER_USER = {
  ...TEST_USER,
  memberships: [{ orgId: ORG_ID, orgName: 'Acme', orgSlug: 'acme', role: 'owner' }],
  activeOrgId: ORG_ID,
};

export const MEMBERS = [
  {
    userId: TEST_USER.id,
    name: TEST_USER.name,
    email: TEST_USER.email,
    role: 'owner',
    joinedAt: '2026-11-01T09:00:00.000Z',
  },
  {
    userId: GRACE_ID,
    name: 'Grace Hopper',
    email: 'grace@example.com',
    role: 'interviewer',
    joinedAt: '2026-11-02T09:00:00.000Z',
  },
];

export const LANGUAGES = {
  languages: [
    {
      id: 'python',
      name: 'Python',
      version: '3.12',
      fileName: 'main.py',
      compiled: false,
      editorMode: 'python',
      helloWorld: '',
    },
    { id: 'go', name: 'Go', version: '1.22', fileName: 'main.go', compiled: true, editorMode: 'go', helloWorld: '' },
  ],
};

export function interviewOf(overrides: Partial<Interview> = {}): Interview {
  return {
    id: INTERVIEW_ID,
    orgId: ORG_ID,
    title: 'Backend pairing',
    status: 'draft',
    candidate: { id: LINK_ID, name: 'Charles Babbage', email: 'charles@example.com' },
    interviewers: [{ userId: TEST_USER.id, name: TEST_USER.name, email: TEST_USER.email }],
    plannedStart: '2026-11-25T10:00:00.000Z',
    durationMinutes: 60,
    defaultLanguage: 'python',
    options: { anonymous: false, recordingAllowed: false, integritySignals: false },
    questions: [
      {
        id: GRACE_ID,
        position: 0,
        title: 'Two sum',
        prompt: 'Find the pair.',
        interviewerNotes: 'Hash map.',
        problem: null,
      },
    ],
    createdBy: { userId: TEST_USER.id, name: TEST_USER.name },
    createdAt: '2026-11-23T09:00:00.000Z',
    startedAt: null,
    endedAt: null,
    transitions: [
      {
        from: null,
        to: 'draft',
        at: '2026-11-23T09:00:00.000Z',
        actor: { userId: TEST_USER.id, name: TEST_USER.name },
        reason: null,
      },
    ],
    can: { edit: true, manageLinks: true, actions: ['schedule', 'start', 'cancel'] },
    ...overrides,
  };
}

export function linkOf(overrides: Partial<InterviewLink> = {}): InterviewLink {
  return {
    id: LINK_ID,
    role: 'candidate',
    expiresAt: '2099-11-30T10:00:00.000Z',
    singleUse: false,
    uses: 0,
    revokedAt: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    active: true,
    emailedTo: null,
    ...overrides,
  };
}

export function lobbyOf(overrides: Partial<Lobby> = {}): Lobby {
  return {
    interviewId: INTERVIEW_ID,
    title: 'Backend pairing',
    orgName: 'Acme',
    role: 'candidate',
    status: 'scheduled',
    plannedStart: '2026-11-25T10:00:00.000Z',
    durationMinutes: 60,
    options: { anonymous: false, recordingAllowed: true, integritySignals: true },
    joined: false,
    suggestedName: 'Charles Babbage',
    ...overrides,
  };
}

export function problem(status: number, code: string, detail: string, issues?: { path: string; message: string }[]) {
  return {
    status,
    body: {
      type: `https://interviewselect.dev/problems/${code}`,
      title: 'Problem',
      status,
      detail,
      code,
      ...(issues ? { issues } : {}),
    },
  };
}

/** The JSON body of a stubbed request. */
export function bodyOf(init: RequestInit | undefined): unknown {
  return JSON.parse(init?.body as string);
}
