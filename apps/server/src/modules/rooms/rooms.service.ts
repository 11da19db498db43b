import {
  ChatMessageSchema,
  ROOM_KEYS,
  TIMELINE_KINDS,
  type RoomState,
  type TimelineEvent,
} from '@interviewselect/contracts';
import * as Y from 'yjs';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../auth/principal.js';
import { can } from '../policy/policy.js';
import type { RoomLog } from './room-log.js';
import type { RoomsRepo } from './rooms.repo.js';

export type RoomsService = ReturnType<typeof createRoomsService>;

const KINDS = new Set<string>(TIMELINE_KINDS);

/** Stored room events as timeline entries (only the kinds the timeline knows). */
export function toTimelineEvents(events: Awaited<ReturnType<RoomsRepo['listEvents']>>): TimelineEvent[] {
  return events
    .filter((e) => KINDS.has(e.kind))
    .map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind as TimelineEvent['kind'],
      participantId: e.participantId,
      label: e.label,
      detail: (e.detail ?? {}) as Record<string, unknown>,
    }));
}

/**
 * What happened in a room, for the organisation's members (`interview.read`):
 * the timeline (joins, leaves, language switches, chat, runs, signals,
 * status changes and per-minute edit marks) and the public document at any
 * moment. The private document is never part of either.
 */
export function createRoomsService(deps: { repo: RoomsRepo; log: RoomLog }) {
  const { repo, log } = deps;

  async function authorizeRead(principal: Principal, interviewId: string): Promise<void> {
    if (principal.kind === 'anonymous') throw new AppError('auth.unauthenticated', 'Sign in to continue.');
    const orgId = await repo.interviewOrgId(interviewId);
    if (!orgId) throw new AppError('resource.not_found', 'No such interview.');
    if (!can(principal, 'interview.read', { orgId })) {
      throw new AppError('auth.forbidden', 'Only members of the interview’s organisation can see its room history.');
    }
  }

  return {
    async timeline(principal: Principal, interviewId: string): Promise<{ events: TimelineEvent[] }> {
      await authorizeRead(principal, interviewId);
      const [events, bursts] = await Promise.all([repo.listEvents(interviewId), repo.editBursts(interviewId)]);
      const labels = new Map<string, string>();
      for (const e of events) if (e.participantId && e.label) labels.set(e.participantId, e.label);
      const all: TimelineEvent[] = [
        ...toTimelineEvents(events),
        ...bursts.map((b) => ({
          at: b.at.toISOString(),
          kind: 'edit' as const,
          participantId: b.actor,
          label: labels.get(b.actor) ?? null,
          detail: { updates: b.updates },
        })),
      ];
      return { events: all.sort((a, b) => a.at.localeCompare(b.at)) };
    },

    async stateAt(principal: Principal, interviewId: string, at: Date): Promise<RoomState> {
      await authorizeRead(principal, interviewId);
      const doc = await log.stateAt(interviewId, at);
      try {
        const files: Record<string, string> = {};
        for (const [language, text] of doc.getMap<Y.Text>(ROOM_KEYS.files)) {
          if (text instanceof Y.Text) files[language] = text.toJSON();
        }
        const language = doc.getMap(ROOM_KEYS.meta).get('language');
        const chat = doc
          .getArray(ROOM_KEYS.chat)
          .toArray()
          .flatMap((m) => {
            const parsed = ChatMessageSchema.safeParse(m);
            return parsed.success ? [parsed.data] : [];
          });
        return {
          at: at.toISOString(),
          files,
          language: typeof language === 'string' ? language : null,
          chat,
          update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
        };
      } finally {
        doc.destroy();
      }
    },
  };
}
