import clsx from 'clsx';
import type { RoomConnectionState } from './room-connection';

/**
 * A quiet banner under the top bar while the socket is away — never a modal:
 * people keep typing, and the provider merges their edits when it is back.
 */
export function ConnectionNotice({ connection }: { connection: RoomConnectionState }) {
  if (connection.deniedReason) {
    return (
      <div className="room-banner room-banner--danger" role="alert">
        The room refused this connection ({connection.deniedReason}). Reload the page, or open your invite link again.
      </div>
    );
  }
  const isAway = connection.hasConnected && connection.status !== 'connected';
  return (
    <div className={clsx('room-banner', !isAway && 'room-banner--hidden')} role="status">
      {isAway ? 'Reconnecting… Keep working: your changes are kept and sync when the connection is back.' : ''}
    </div>
  );
}

/** "Connected", "Connecting…", "Offline — 3 changes waiting". */
export function describeConnection(connection: RoomConnectionState): string {
  const waiting =
    connection.unsyncedChanges > 0
      ? ` — ${connection.unsyncedChanges} change${connection.unsyncedChanges === 1 ? '' : 's'} waiting`
      : '';
  if (connection.status === 'connected') return connection.isSynced ? `Connected${waiting}` : 'Loading the room…';
  if (!connection.hasConnected) return 'Connecting…';
  return `Offline, reconnecting${waiting}`;
}

export function ConnectionStatusLine({ connection }: { connection: RoomConnectionState }) {
  return (
    <span className="room-footer__status">
      <span className={clsx('room-footer__dot', `room-footer__dot--${connection.status}`)} aria-hidden="true" />
      {describeConnection(connection)}
    </span>
  );
}
