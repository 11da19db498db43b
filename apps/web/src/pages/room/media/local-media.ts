/** Devices the participant picked (null: the browser's default). */
export interface DeviceChoice {
  audioInput: string | null;
  videoInput: string | null;
  audioOutput: string | null;
}

/** Video sent to each peer in the mesh: capped so 3 encodes fit a laptop and a home uplink. */
const CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { max: 24 },
};

function devicesApi(): MediaDevices {
  if (!navigator.mediaDevices) {
    throw new Error('this page is not in a secure context (open it over https), so the browser offers no devices');
  }
  return navigator.mediaDevices;
}

export async function acquireMicrophone(deviceId: string | null): Promise<MediaStreamTrack> {
  const stream = await devicesApi().getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
  });
  const [track] = stream.getAudioTracks();
  if (!track) throw new Error('the microphone gave no audio');
  return track;
}

export async function acquireCamera(deviceId: string | null): Promise<MediaStreamTrack> {
  const stream = await devicesApi().getUserMedia({
    video: { ...CAMERA_CONSTRAINTS, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
  });
  const [track] = stream.getVideoTracks();
  if (!track) throw new Error('the camera gave no video');
  track.contentHint = 'motion';
  return track;
}

export async function acquireScreen(): Promise<MediaStreamTrack> {
  const stream = await devicesApi().getDisplayMedia({ video: { frameRate: { max: 15 } }, audio: false });
  const [track] = stream.getVideoTracks();
  if (!track) throw new Error('the screen share gave no video');
  track.contentHint = 'detail';
  return track;
}

export function stopTrack(track: MediaStreamTrack | null): void {
  track?.stop();
}

export interface DeviceLists {
  audioInput: MediaDeviceInfo[];
  videoInput: MediaDeviceInfo[];
  audioOutput: MediaDeviceInfo[];
}

/** The devices by kind (labels appear once the page was allowed a camera or microphone). */
export async function listDevices(): Promise<DeviceLists> {
  const all = navigator.mediaDevices ? await navigator.mediaDevices.enumerateDevices() : [];
  return {
    audioInput: all.filter((d) => d.kind === 'audioinput'),
    videoInput: all.filter((d) => d.kind === 'videoinput'),
    audioOutput: all.filter((d) => d.kind === 'audiooutput'),
  };
}

/** Whether this browser can route audio to a chosen speaker (HTMLMediaElement.setSinkId). */
export const canPickSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

/** getUserMedia/getDisplayMedia failures in words a participant can act on. */
export function describeMediaError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError')
    return 'The browser was not allowed to use the camera, microphone or screen. Allow it in the address bar and try again.';
  if (name === 'NotFoundError') return 'No camera or microphone was found. Plug one in, or join with it turned off.';
  if (name === 'NotReadableError')
    return 'The camera or microphone is in use by another application. Close it and try again.';
  if (err instanceof Error && err.message) return `The call could not start: ${err.message}`;
  return 'The call could not start. Check your devices and try again.';
}
