import type { DeviceChoice } from './local-media';

const KEY = 'isel.media-devices';

/** Devices picked in the lobby's check are the call's defaults in this browser. */
export function loadDeviceChoice(): DeviceChoice {
  try {
    const raw = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    const pick = (k: string) => (typeof raw[k] === 'string' ? raw[k] : null);
    return { audioInput: pick('audioInput'), videoInput: pick('videoInput'), audioOutput: pick('audioOutput') };
  } catch {
    return { audioInput: null, videoInput: null, audioOutput: null };
  }
}

export function saveDeviceChoice(choice: DeviceChoice): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(choice));
  } catch {
    // Storage off: the choice lasts for this page only.
  }
}
