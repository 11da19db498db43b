import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import {
  privateDocumentName,
  roomDocumentName,
  RoomServerMessageSchema,
  ROOM_WS_PATH,
  type RoomClientMessage,
  type RoomServerMessage,
} from '@interviewselect/contracts';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessUser } from './presence';

/**
 * One WebSocket to Hocuspocus for the page, multiplexing the room document
 * and (for interviewers) the private one. Cookies authenticate the socket.
 * The provider reconnects with back-off by itself and merges edits made while
 * offline; this store only reports the state to React (useSyncExternalStore):
 * it opens the connection for its first subscriber and closes it after the
 * last one leaves, so StrictMode's double mount and unmounts clean up.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface RoomSession {
  doc: Y.Doc;
  awareness: Awareness;
  privateDoc: Y.Doc | null;
  privateAwareness: Awareness | null;
  send: (message: RoomClientMessage) => void;
}

export interface RoomConnectionState {
  session: RoomSession | null;
  status: ConnectionStatus;
  /** Whether the socket was ever open: the banner says "reconnecting" only after a first connection. */
  hasConnected: boolean;
  /** The room document has synced with the server at least once. */
  isSynced: boolean;
  isPrivateSynced: boolean;
  /** The server accepted the room document read-only. */
  isReadOnlyScope: boolean;
  /** The server refused the room document (the reason it gave). */
  deniedReason: string | null;
  /** Local changes the server has not acknowledged yet. */
  unsyncedChanges: number;
}

export interface RoomConnectionOptions {
  interviewId: string;
  user: AwarenessUser;
  withPrivate: boolean;
  /** Defaults to the page's own origin. */
  url?: string;
}

export interface RoomConnectionStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => RoomConnectionState;
  /** Server messages (status changes, errors); returns the unsubscribe function. */
  onMessage: (listener: (message: RoomServerMessage) => void) => () => void;
}

const IDLE: RoomConnectionState = {
  session: null,
  status: 'connecting',
  hasConnected: false,
  isSynced: false,
  isPrivateSynced: false,
  isReadOnlyScope: false,
  deniedReason: null,
  unsyncedChanges: 0,
};

/**
 * The room socket's URL. The interview id rides in the query only so that a
 * load balancer can send a room's people to the same node (hash on `room`);
 * the server authorises each document on its own.
 */
export function roomSocketUrl(
  interviewId: string,
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ROOM_WS_PATH}?room=${encodeURIComponent(interviewId)}`;
}

export function parseServerMessage(payload: string): RoomServerMessage | null {
  try {
    const parsed = RoomServerMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createRoomConnectionStore(options: RoomConnectionOptions): RoomConnectionStore {
  let state = IDLE;
  const listeners = new Set<() => void>();
  const messageListeners = new Set<(message: RoomServerMessage) => void>();
  let close: (() => void) | null = null;

  function update(change: Partial<RoomConnectionState>) {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  }

  function open(): () => void {
    const socket = new HocuspocusProviderWebsocket({ url: options.url ?? roomSocketUrl(options.interviewId) });
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: roomDocumentName(options.interviewId),
      document: doc,
      onSynced: ({ state: synced }) => synced && update({ isSynced: true }),
      onAuthenticated: ({ scope }) => update({ isReadOnlyScope: scope === 'readonly', deniedReason: null }),
      onAuthenticationFailed: ({ reason }) => update({ deniedReason: reason || 'not allowed' }),
      onUnsyncedChanges: ({ number }) => update({ unsyncedChanges: number }),
      onStateless: ({ payload }) => {
        const message = parseServerMessage(payload);
        if (message) for (const listener of messageListeners) listener(message);
      },
    });
    // v4: a provider given a shared socket must be attached to it explicitly.
    provider.attach();
    let privateProvider: HocuspocusProvider | null = null;
    if (options.withPrivate) {
      const privateDoc = new Y.Doc();
      privateProvider = new HocuspocusProvider({
        websocketProvider: socket,
        name: privateDocumentName(options.interviewId),
        document: privateDoc,
        onSynced: ({ state: synced }) => synced && update({ isPrivateSynced: true }),
      });
      privateProvider.attach();
    }
    const awareness = provider.awareness;
    if (!awareness) throw new Error('The room provider has no awareness.');
    awareness.setLocalStateField('user', options.user);
    privateProvider?.awareness?.setLocalStateField('user', options.user);

    const onStatus = ({ status }: { status: WebSocketStatus }) => {
      const next: ConnectionStatus =
        status === WebSocketStatus.Connected
          ? 'connected'
          : status === WebSocketStatus.Connecting
            ? 'connecting'
            : 'disconnected';
      update({ status: next, hasConnected: state.hasConnected || next === 'connected' });
    };
    socket.on('status', onStatus);

    update({
      ...IDLE,
      session: {
        doc,
        awareness,
        privateDoc: privateProvider?.document ?? null,
        privateAwareness: privateProvider?.awareness ?? null,
        send: (message) => provider.sendStateless(JSON.stringify(message)),
      },
    });

    return () => {
      socket.off('status', onStatus);
      privateProvider?.destroy();
      provider.destroy();
      socket.destroy();
      doc.destroy();
      privateProvider?.document.destroy();
    };
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      close ??= open();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        // Deferred: StrictMode unsubscribes and resubscribes at once; keep the socket across that.
        queueMicrotask(() => {
          if (listeners.size > 0 || !close) return;
          close();
          close = null;
          state = IDLE;
        });
      };
    },
    getSnapshot: () => state,
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
  };
}
