import { packReplayUpdates, type ReplayLog } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../auth/principal.js';
import { can } from '../policy/policy.js';
import { toTimelineEvents } from '../rooms/rooms.service.js';
import type { ReplayRepo } from './replay.repo.js';

export type ReplayService = ReturnType<typeof createReplayService>;

/** Timeline kinds shown as replay markers; edits are the replay itself. */

/**
 * The session replay: the public document's whole edit log, packed for the
 * browser (which seeks client-side), with the timeline's markers.
 */
export function createReplayService(deps: { repo: ReplayRepo }) {
  const { repo } = deps;

  /**
   * The replay of an interview, without any authorisation: callers decide who
   * may see it (the org route below; share links after checking their token).
   * `notes: true` adds the times of private-note edits (never their content),
   * for the organisation only.
   */
  async function replayLog(interviewId: string, opts: { notes?: boolean } = {}): Promise<ReplayLog> {
    const [updates, events, notes] = await Promise.all([
      repo.publicUpdates(interviewId),
      repo.events(interviewId),
      opts.notes ? repo.privateEditMinutes(interviewId) : Promise.resolve([]),
    ]);
    const start = updates[0]?.at.getTime() ?? null;
    const markers = toTimelineEvents(events).filter((e) => e.kind !== 'edit');
    let last = updates.at(-1)?.at.getTime() ?? null;
    for (const e of events) last = Math.max(last ?? 0, e.at.getTime());
    // Times are kept monotonic: the log's order (seq) is the order of application.
    let previous = 0;
    const packed = packReplayUpdates(
      updates.map((u) => {
        previous = Math.max(previous, u.at.getTime() - (start ?? 0));
        return { offsetMs: previous, update: u.update };
      }),
    );
    return {
      interviewId,
      startedAt: start === null ? null : new Date(start).toISOString(),
      endedAt: last === null ? null : new Date(last).toISOString(),
      count: updates.length,
      updates: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('base64'),
      events: markers,
      notes: notes.map((d) => d.toISOString()),
    };
  }

  return {
    replayLog,

    /** The replay for the organisation's members (`interview.read`), with the note-edit times. */
    async replay(principal: Principal, interviewId: string): Promise<ReplayLog> {
      if (principal.kind === 'anonymous') throw new AppError('auth.unauthenticated', 'Sign in to continue.');
      const orgId = await repo.interviewOrgId(interviewId);
      if (!orgId) throw new AppError('resource.not_found', 'No such interview.');
      if (!can(principal, 'interview.read', { orgId })) {
        throw new AppError('auth.forbidden', 'Only members of the interview’s organisation can replay it.');
      }
      return replayLog(interviewId, { notes: true });
    },
  };
}
