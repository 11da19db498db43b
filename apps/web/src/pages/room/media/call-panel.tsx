import type { InterviewStatus, RoomAwareness } from '@interviewselect/contracts';
import { useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import type { RoomConnectionState, RoomConnectionStore, RoomSession } from '../room-connection';
import type { RoomPerson } from '../presence';
import { useAwarenessStates } from '../use-y';
import type { CallSelf } from './call-controller';
import { DevicePicker } from './device-picker';
import { MediaTile } from './media-tile';
import { useCall } from './use-call';
import './media.css';

export interface CallPanelProps {
  interviewId: string;
  self: CallSelf;
  session: RoomSession;
  store: RoomConnectionStore;
  connection: RoomConnectionState;
  status: InterviewStatus;
  people: readonly RoomPerson[];
}

type MediaState = NonNullable<RoomAwareness['media']>;

/** Each member's microphone/camera state from presence (to show "Muted" and "Camera off" on their tile). */
function readMediaStates(states: ReadonlyMap<number, Record<string, unknown>>): Map<string, MediaState> {
  const result = new Map<string, MediaState>();
  for (const state of states.values()) {
    const user = state.user as { participantId?: unknown } | undefined;
    const media = state.media as MediaState | undefined;
    if (typeof user?.participantId === 'string' && media && typeof media === 'object')
      result.set(user.participantId, media);
  }
  return result;
}

function useMediaStates(awareness: Awareness): Map<string, MediaState> {
  return useAwarenessStates(awareness, readMediaStates);
}

/** The room's audio/video call: join explicitly, then tiles for everyone with the controls below. */
export function CallPanel({ interviewId, self, session, store, connection, status, people }: CallPanelProps) {
  const onlineIds = useMemo(() => new Set(people.filter((p) => p.isOnline).map((p) => p.id)), [people]);
  const { call, controller } = useCall({
    interviewId,
    self,
    session,
    store,
    socketStatus: connection.status,
    status,
    onlineIds,
  });
  const mediaStates = useMediaStates(session.awareness);
  const [wantsMic, setWantsMic] = useState(true);
  const [wantsCamera, setWantsCamera] = useState(true);
  const [showDevices, setShowDevices] = useState(false);
  const isOver = status === 'ended' || status === 'cancelled';
  const isObserver = self.role === 'observer';

  if (isOver) {
    return (
      <section className="call" aria-label="Call">
        <h2 className="room-section-title">Call</h2>
        <p className="text-muted call__note">The call ended with the interview.</p>
      </section>
    );
  }

  const joined = call.phase === 'joined';
  return (
    <section className="call" aria-label="Call">
      <h2 className="room-section-title">Call</h2>
      {call.error ? (
        <Alert tone="warning" title="Camera, microphone or screen">
          {call.error}
        </Alert>
      ) : null}
      {joined ? (
        <div className="call__tiles">
          {call.local ? (
            <MediaTile
              label={self.label}
              stream={call.local}
              kind="camera"
              isLocal
              isSpeaking={call.activeSpeakerId === self.participantId}
              isMicOff={!call.isMicOn}
              isCameraOff={!call.isCameraOn}
            />
          ) : null}
          {call.localScreen ? <MediaTile label={self.label} stream={call.localScreen} kind="screen" isLocal /> : null}
          {call.peers.map((peer) => {
            const media = mediaStates.get(peer.id);
            return [
              <MediaTile
                key={peer.id}
                label={peer.label}
                stream={peer.camera}
                kind="camera"
                isLocal={false}
                isSpeaking={call.activeSpeakerId === peer.id}
                isMicOff={media?.audio === false}
                isCameraOff={media?.video === false}
                quality={peer.isConnected ? peer.quality : { quality: 'unknown', rttMs: null, loss: null }}
                sinkId={call.devices.audioOutput}
              />,
              peer.screen ? (
                <MediaTile
                  key={`${peer.id}-screen`}
                  label={peer.label}
                  stream={peer.screen}
                  kind="screen"
                  isLocal={false}
                />
              ) : null,
            ];
          })}
          {call.peers.length === 0 ? (
            <p className="text-muted call__note">Waiting for others to join the call…</p>
          ) : null}
        </div>
      ) : (
        <p className="text-muted call__note">
          {isObserver
            ? 'As an observer you see and hear the call; nobody sees or hears you.'
            : 'Nobody sees or hears you until you join.'}
        </p>
      )}
      <div className="call__controls" role="toolbar" aria-label="Call controls">
        {joined ? (
          <>
            {call.publishes ? (
              <>
                <Button size="sm" aria-pressed={!call.isMicOn} onClick={() => controller.setMic(!call.isMicOn)}>
                  {call.isMicOn ? 'Mute' : 'Unmute'}
                </Button>
                <Button
                  size="sm"
                  aria-pressed={!call.isCameraOn}
                  onClick={() => void controller.setCamera(!call.isCameraOn)}
                >
                  {call.isCameraOn ? 'Camera off' : 'Camera on'}
                </Button>
                <Button
                  size="sm"
                  aria-pressed={call.isSharingScreen}
                  onClick={() => void controller.setScreen(!call.isSharingScreen)}
                >
                  {call.isSharingScreen ? 'Stop sharing' : 'Share screen'}
                </Button>
              </>
            ) : null}
            <Button size="sm" variant="ghost" aria-expanded={showDevices} onClick={() => setShowDevices(!showDevices)}>
              Devices
            </Button>
            <Button size="sm" variant="danger" onClick={() => controller.leave()}>
              Leave call
            </Button>
          </>
        ) : (
          <>
            {!isObserver ? (
              <>
                <Button size="sm" aria-pressed={!wantsMic} onClick={() => setWantsMic(!wantsMic)}>
                  {wantsMic ? 'Microphone on' : 'Microphone off'}
                </Button>
                <Button size="sm" aria-pressed={!wantsCamera} onClick={() => setWantsCamera(!wantsCamera)}>
                  {wantsCamera ? 'Camera on' : 'Camera off'}
                </Button>
              </>
            ) : null}
            <Button
              size="sm"
              variant="primary"
              isLoading={call.phase === 'joining'}
              disabled={connection.status !== 'connected'}
              onClick={() => void controller.join({ mic: wantsMic, camera: wantsCamera })}
            >
              Join call
            </Button>
          </>
        )}
      </div>
      {joined && showDevices ? (
        <DevicePicker
          value={call.devices}
          inputs={call.publishes}
          onChange={(kind, id) => void controller.selectDevice(kind, id)}
        />
      ) : null}
    </section>
  );
}
