import type { MediaClientMessage, MediaServerMessage, RoomRole } from '@interviewselect/contracts';
import { activeSpeaker, localAudioLevel, type LinkQuality } from './call-quality';
import { callStreams, sameStreams, type CallStream } from './call-streams';
import type { CallTransport } from './call-transport';
import { loadDeviceChoice, saveDeviceChoice } from './device-choice';
import {
  acquireCamera,
  acquireMicrophone,
  acquireScreen,
  describeMediaError,
  stopTrack,
  type DeviceChoice,
} from './local-media';
import { peerRoles } from './negotiation';
import { PeerLink, type LocalTracks } from './peer-link';

export type CallPhase = 'idle' | 'joining' | 'joined';

export interface RemotePeerView {
  id: string;
  label: string;
  role: RoomRole;
  camera: MediaStream;
  screen: MediaStream | null;
  quality: LinkQuality;
  isConnected: boolean;
}

export interface CallState {
  phase: CallPhase;
  error: string | null;
  publishes: boolean;
  isMicOn: boolean;
  isCameraOn: boolean;
  isSharingScreen: boolean;
  /** This member's camera and microphone while in the call (null otherwise, and for observers). */
  local: MediaStream | null;
  localScreen: MediaStream | null;
  peers: RemotePeerView[];
  activeSpeakerId: string | null;
  devices: DeviceChoice;
  /** What the call panel lists, the recorder mixes (call-streams.ts). */
  streams: CallStream[];
}

export interface CallSelf {
  participantId: string;
  label: string;
  role: RoomRole;
}

export interface CallControllerOptions {
  self: CallSelf;
  send: (message: MediaClientMessage) => void;
  /** RTCIceServers for this member (the media endpoint: STUN, TURN with fresh credentials). */
  fetchIceServers: () => Promise<{ iceServers: RTCIceServer[]; publishes: boolean }>;
}

const STATS_INTERVAL_MS = 1000;

/**
 * The call in one room tab: local devices, one PeerLink per other member, and
 * the signalling that ties them together. Joining is explicit; leaving (or
 * the room ending) hangs everything up. A socket reconnect re-announces this
 * member (hello), and links that lost their connection start over.
 */
export class CallController implements CallTransport {
  private state: CallState;
  private readonly listeners = new Set<() => void>();
  private readonly links = new Map<string, PeerLink>();
  private iceServers: RTCIceServer[] = [];
  private tracks: LocalTracks = { audio: null, camera: null, screen: null };
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private localLevel = 0;

  constructor(private readonly options: CallControllerOptions) {
    this.state = {
      phase: 'idle',
      error: null,
      publishes: options.self.role !== 'observer',
      isMicOn: true,
      isCameraOn: true,
      isSharingScreen: false,
      local: null,
      localScreen: null,
      peers: [],
      activeSpeakerId: null,
      devices: loadDeviceChoice(),
      streams: [],
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallState => this.state;

  async join(initial: { mic: boolean; camera: boolean }): Promise<void> {
    if (this.state.phase !== 'idle') return;
    this.update({ phase: 'joining', error: null, isMicOn: initial.mic, isCameraOn: initial.camera });
    try {
      const ice = await this.options.fetchIceServers();
      this.iceServers = ice.iceServers;
      const publishes = ice.publishes;
      if (publishes) {
        const { audioInput, videoInput } = this.state.devices;
        this.tracks.audio = await acquireMicrophone(audioInput);
        this.tracks.audio.enabled = initial.mic;
        this.tracks.camera = initial.camera ? await acquireCamera(videoInput) : null;
      }
      this.update({ phase: 'joined', publishes, local: publishes ? this.localStream() : null });
      this.statsTimer = setInterval(() => void this.sampleStats(), STATS_INTERVAL_MS);
      this.options.send({ type: 'media.hello' });
    } catch (err) {
      this.releaseLocal();
      this.update({ phase: 'idle', error: describeMediaError(err) });
    }
  }

  leave(): void {
    if (this.state.phase === 'idle') return;
    this.options.send({ type: 'media.bye' });
    this.hangUp();
  }

  /** Ends the call without telling anyone (the room ended, the page is going away). */
  hangUp(): void {
    for (const link of this.links.values()) link.close();
    this.links.clear();
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.statsTimer = null;
    this.releaseLocal();
    this.update({ phase: 'idle', isSharingScreen: false, localScreen: null, local: null });
  }

  /** After the room socket reconnected: start every link afresh (signalling may have been lost meanwhile). */
  rejoin(): void {
    if (this.state.phase !== 'joined') return;
    for (const id of [...this.links.keys()]) this.drop(id, false);
    this.refreshPeers();
    this.options.send({ type: 'media.hello' });
  }

  /** Drops links to people who left the room (their tab closed without a bye). */
  keepOnly(onlineIds: ReadonlySet<string>): void {
    for (const id of [...this.links.keys()]) if (!onlineIds.has(id)) this.drop(id);
  }

  setMic(on: boolean): void {
    if (this.tracks.audio) this.tracks.audio.enabled = on;
    this.update({ isMicOn: on });
  }

  async setCamera(on: boolean): Promise<void> {
    if (!this.state.publishes || this.state.phase !== 'joined') return this.update({ isCameraOn: on });
    stopTrack(this.tracks.camera);
    this.tracks.camera = null;
    try {
      if (on) this.tracks.camera = await acquireCamera(this.state.devices.videoInput);
      this.update({ isCameraOn: on, error: null });
    } catch (err) {
      this.update({ isCameraOn: false, error: describeMediaError(err) });
    }
    await this.pushTracks();
  }

  async setScreen(on: boolean): Promise<void> {
    if (!this.state.publishes || this.state.phase !== 'joined') return;
    stopTrack(this.tracks.screen);
    this.tracks.screen = null;
    if (on) {
      try {
        const track = await acquireScreen();
        track.addEventListener('ended', () => void this.setScreen(false));
        this.tracks.screen = track;
      } catch (err) {
        this.update({ error: describeMediaError(err) });
      }
    }
    const screen = this.tracks.screen;
    this.update({ isSharingScreen: screen !== null, localScreen: screen ? new MediaStream([screen]) : null });
    await this.pushTracks();
  }

  /** A device chosen in the picker: the running call switches to it at once (no renegotiation). */
  async selectDevice(kind: keyof DeviceChoice, deviceId: string | null): Promise<void> {
    this.update({ devices: { ...this.state.devices, [kind]: deviceId } });
    saveDeviceChoice(this.state.devices);
    if (this.state.phase !== 'joined' || !this.state.publishes) return;
    try {
      if (kind === 'audioInput') {
        const next = await acquireMicrophone(deviceId);
        next.enabled = this.state.isMicOn;
        stopTrack(this.tracks.audio);
        this.tracks.audio = next;
      } else if (kind === 'videoInput' && this.state.isCameraOn) {
        const next = await acquireCamera(deviceId);
        stopTrack(this.tracks.camera);
        this.tracks.camera = next;
      }
    } catch (err) {
      this.update({ error: describeMediaError(err) });
    }
    await this.pushTracks();
  }

  /** Signalling from the room socket. */
  handle(message: MediaServerMessage): void {
    if (this.state.phase !== 'joined') return;
    switch (message.type) {
      case 'media.hello': {
        // A hello to everyone means the sender starts afresh (joined, or rejoined after a reconnect).
        if (!message.reply) {
          this.connect(message);
          this.options.send({ type: 'media.hello', to: message.from });
        } else if (!this.links.has(message.from)) {
          this.connect(message);
        }
        return;
      }
      case 'media.bye':
        return this.drop(message.from);
      case 'media.offer':
      case 'media.answer':
      case 'media.candidate': {
        const link = this.links.get(message.from) ?? (message.type === 'media.offer' ? this.connect(message) : null);
        link?.handle(message);
        return;
      }
    }
  }

  private connect(sender: { from: string; label: string; role: RoomRole }): PeerLink | null {
    this.drop(sender.from, false);
    const peer = { id: sender.from, label: sender.label, role: sender.role, publishes: sender.role !== 'observer' };
    const self = { id: this.options.self.participantId, publishes: this.state.publishes };
    if (!peerRoles(self, peer).isNeeded) return null;
    const link = new PeerLink({
      self,
      peer,
      iceServers: this.iceServers,
      local: this.tracks,
      send: this.options.send,
      onChange: () => this.refreshPeers(),
    });
    this.links.set(peer.id, link);
    this.refreshPeers();
    return link;
  }

  private drop(id: string, refresh = true): void {
    const link = this.links.get(id);
    if (!link) return;
    link.close();
    this.links.delete(id);
    if (refresh) this.refreshPeers();
  }

  private async pushTracks(): Promise<void> {
    this.update({ local: this.state.publishes ? this.localStream() : null });
    await Promise.all([...this.links.values()].map((link) => link.setLocal(this.tracks)));
  }

  private localStream(): MediaStream {
    return new MediaStream([this.tracks.audio, this.tracks.camera].filter((t): t is MediaStreamTrack => t !== null));
  }

  private releaseLocal(): void {
    for (const track of Object.values(this.tracks)) stopTrack(track as MediaStreamTrack | null);
    this.tracks = { audio: null, camera: null, screen: null };
  }

  private async sampleStats(): Promise<void> {
    await Promise.all([...this.links.values()].map((link) => link.sample().catch(() => undefined)));
    this.localLevel = await localAudioLevel([...this.links.values()][0]?.pc ?? null);
    this.refreshPeers();
  }

  private refreshPeers(): void {
    const peers: RemotePeerView[] = [...this.links.values()]
      .filter((link) => link.peer.publishes)
      .map((link) => ({
        id: link.peer.id,
        label: link.peer.label,
        role: link.peer.role,
        camera: link.camera,
        screen: link.isSharingScreen ? link.screen : null,
        quality: link.quality,
        isConnected: link.isConnected,
      }));
    const levels = new Map([...this.links.values()].map((l) => [l.peer.id, l.audioLevel] as const));
    if (this.state.isMicOn) levels.set(this.options.self.participantId, this.localLevel);
    this.update({ peers, activeSpeakerId: activeSpeaker(levels) });
  }

  private update(change: Partial<CallState>): void {
    const next = { ...this.state, ...change };
    const streams = callStreams(next, this.options.self);
    // Same people, same streams: keep the array, so consumers (the recorder) re-render only on real changes.
    next.streams = sameStreams(streams, this.state.streams) ? this.state.streams : streams;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
