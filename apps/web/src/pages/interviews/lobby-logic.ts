import type { InterviewOptions, Lobby, RoomRole } from '@interviewselect/contracts';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

/** The tab keeps the token so a reload still works after the address bar was cleaned (never sent anywhere but the API). */
export const LOBBY_TOKEN_KEY = 'interviewselect.lobby-token';

/** How often a waiting candidate asks whether the interview has started. */
export const LOBBY_POLL_MS = 3_000;

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** The token from "#<token>" (the fragment never reaches a server log); null when absent or malformed. */
export function readLobbyToken(hash: string): string | null {
  const raw = hash.replace(/^#/, '').trim();
  const value = raw.startsWith('token=') ? raw.slice('token='.length) : raw;
  return TOKEN.test(value) ? value : null;
}

export type LobbyStage =
  /** Name, consent and the Join button. */
  | 'form'
  /** A joined candidate before the start: poll until live. */
  | 'waiting'
  /** Joined and allowed in: go to the room. */
  | 'enter'
  | 'cancelled'
  | 'ended';

/** Whether someone in `role` may be in the room at `status` (interviewers always; others once it started). */
export function mayEnter(role: RoomRole, status: Lobby['status']): boolean {
  if (role === 'interviewer') return true;
  return status === 'live' || status === 'paused' || status === 'ended';
}

export function lobbyStage(lobby: Pick<Lobby, 'role' | 'status' | 'joined'>): LobbyStage {
  if (lobby.status === 'cancelled') return 'cancelled';
  if (lobby.status === 'ended' && !lobby.joined) return 'ended';
  if (!lobby.joined) return 'form';
  return mayEnter(lobby.role, lobby.status) ? 'enter' : 'waiting';
}

/** Consent is asked for when anything beyond the shared session itself is captured. */
export function needsConsent(options: InterviewOptions): boolean {
  return options.recordingAllowed || options.integritySignals;
}

/** What the person is told before joining, one line each. */
export function whatIsRecorded(options: InterviewOptions, role: RoomRole): string[] {
  const lines = [
    'The shared editor, code runs, chat and whiteboard are saved, so the interviewers can replay the session afterwards.',
  ];
  lines.push(options.recordingAllowed ? 'Audio and video are recorded.' : 'Audio and video are not recorded.');
  if (options.integritySignals && role === 'candidate') {
    lines.push(
      'Integrity signals are on: your browser reports large pastes into the editor and when you switch away from this tab. Nothing else on your computer is read.',
    );
  } else if (options.integritySignals) {
    lines.push("Integrity signals are on: the candidate's browser reports large pastes and tab switches.");
  }
  if (options.anonymous) {
    lines.push(
      role === 'candidate'
        ? 'Anonymous mode: the interviewers see you as “Candidate”; your name and e-mail are not shown to them.'
        : 'Anonymous mode: everyone shows as “Candidate”, “Interviewer 1”…; names and e-mails are not shown.',
    );
  }
  return lines;
}

export interface LobbyProblem {
  title: string;
  message: string;
  /** Worth asking again (network, server); a dead link is not. */
  canRetry: boolean;
}

/** The error page for a lookup or join that failed. */
export function describeLobbyError(error: unknown): LobbyProblem {
  if (error instanceof ApiError) {
    if (error.code === 'interview.link_inactive') {
      return {
        title: 'This link no longer works',
        message:
          'It has expired, was replaced by a newer link, or was already used. Ask the person who invited you for a new one.',
        canRetry: false,
      };
    }
    if (error.status === 404 || error.code === 'auth.token_invalid' || error.code === 'request.validation_failed') {
      return {
        title: "We don't recognise this link",
        message: 'Check that you copied all of it, or ask the person who invited you to send it again.',
        canRetry: false,
      };
    }
  }
  return { title: "Couldn't open the interview", message: describeError(error), canRetry: true };
}
