import type { LanguageInfo, RoomInfo } from '@interviewselect/contracts';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { colorFor } from './participant-colors';
import { createRoomConnectionStore } from './room-connection';
import { RoomSession } from './room-session';
import { RoomSkeleton } from './room-skeleton';

/**
 * Opens the room's socket for this person and hands the session to the room.
 * Awareness carries the label the server chose (a name, or "Candidate" in
 * anonymous mode) — never the account's own name.
 */
export function RoomScreen({
  info,
  receivedAt,
  languages,
}: {
  info: RoomInfo;
  /** When this browser received `info` (its clock): the offset to the server's clock follows from it. */
  receivedAt: number;
  languages: readonly LanguageInfo[];
}) {
  const { participantId, label, role } = info.me;
  // Chosen once: a refreshed participant list must not reconnect the socket.
  const [color] = useState(() => colorFor(participantId, info.participants));
  const store = useMemo(
    () =>
      createRoomConnectionStore({
        interviewId: info.interviewId,
        user: { name: label, color, participantId, role },
        withPrivate: role === 'interviewer',
      }),
    [info.interviewId, participantId, label, role, color],
  );
  const connection = useSyncExternalStore(store.subscribe, store.getSnapshot);
  if (!connection.session) return <RoomSkeleton title={info.title} />;
  return (
    <RoomSession
      key={connection.session.doc.guid}
      info={info}
      clockOffsetMs={info.clock.serverNow - receivedAt}
      languages={languages}
      session={connection.session}
      connection={connection}
      store={store}
    />
  );
}
