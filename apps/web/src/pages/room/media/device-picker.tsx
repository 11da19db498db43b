import { useEffect, useState } from 'react';
import { SelectField } from '../../../ui/select-field';
import { canPickSpeaker, listDevices, type DeviceChoice, type DeviceLists } from './local-media';

export interface DevicePickerProps {
  value: DeviceChoice;
  onChange: (kind: keyof DeviceChoice, deviceId: string | null) => void;
  /** Observers send nothing: only the speaker matters to them. */
  inputs?: boolean;
}

const NONE: DeviceLists = { audioInput: [], videoInput: [], audioOutput: [] };

function useDevices(): DeviceLists {
  const [devices, setDevices] = useState<DeviceLists>(NONE);
  useEffect(() => {
    let live = true;
    const refresh = () => void listDevices().then((d) => live && setDevices(d));
    refresh();
    navigator.mediaDevices?.addEventListener('devicechange', refresh);
    return () => {
      live = false;
      navigator.mediaDevices?.removeEventListener('devicechange', refresh);
    };
  }, []);
  return devices;
}

/** Camera, microphone and speaker, each defaulting to the system's choice. */
export function DevicePicker({ value, onChange, inputs = true }: DevicePickerProps) {
  const devices = useDevices();
  const field = (kind: keyof DeviceChoice, label: string, list: MediaDeviceInfo[]) => (
    <SelectField
      label={label}
      value={value[kind] ?? ''}
      onChange={(e) => onChange(kind, e.target.value || null)}
      className="call-devices__field"
    >
      <option value="">System default</option>
      {list
        .filter((d) => d.deviceId && d.deviceId !== 'default')
        .map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
    </SelectField>
  );
  return (
    <div className="call-devices">
      {inputs ? field('videoInput', 'Camera', devices.videoInput) : null}
      {inputs ? field('audioInput', 'Microphone', devices.audioInput) : null}
      {canPickSpeaker ? field('audioOutput', 'Speaker', devices.audioOutput) : null}
    </div>
  );
}
