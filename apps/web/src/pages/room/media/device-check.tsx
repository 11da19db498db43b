import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { loadDeviceChoice, saveDeviceChoice } from './device-choice';
import { DevicePicker } from './device-picker';
import { acquireCamera, acquireMicrophone, describeMediaError, type DeviceChoice } from './local-media';
import { useAudioLevel } from './use-audio-level';
import './media.css';

/** Camera preview and microphone tracks for the check; stopped when the check ends or the devices change. */
function usePreview(isOn: boolean, devices: DeviceChoice): { stream: MediaStream | null; error: string | null } {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!isOn) return;
    let live = true;
    let tracks: MediaStreamTrack[] = [];
    Promise.all([acquireCamera(devices.videoInput), acquireMicrophone(devices.audioInput)])
      .then((got) => {
        tracks = got;
        if (!live) return got.forEach((t) => t.stop());
        setStream(new MediaStream(got));
        setError(null);
      })
      .catch((err: unknown) => live && setError(describeMediaError(err)));
    return () => {
      live = false;
      tracks.forEach((t) => t.stop());
      setStream(null);
    };
  }, [isOn, devices.videoInput, devices.audioInput]);
  return { stream, error };
}

/**
 * The lobby's pre-join check: a camera preview, a microphone level meter and
 * the device pickers. The devices picked here are the call's defaults in the room.
 */
export function DeviceCheck() {
  const [isOn, setIsOn] = useState(false);
  const [devices, setDevices] = useState<DeviceChoice>(loadDeviceChoice);
  const { stream, error } = usePreview(isOn, devices);
  const level = useAudioLevel(stream);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);

  const change = (kind: keyof DeviceChoice, id: string | null) => {
    const next = { ...devices, [kind]: id };
    setDevices(next);
    saveDeviceChoice(next);
  };

  return (
    <section className="device-check" aria-label="Camera and microphone">
      <div>
        <p className="device-check__title">Camera and microphone</p>
        <p className="text-muted">
          Check them before you go in. In the room you join the call yourself, with your camera and microphone on or
          off.
        </p>
      </div>
      {error ? (
        <Alert tone="warning" title="Your devices could not start">
          {error}
        </Alert>
      ) : null}
      {isOn ? (
        <>
          <video
            ref={video}
            className="device-check__preview"
            autoPlay
            playsInline
            muted
            aria-label="Your camera preview"
          />
          <label className="device-check__level">
            Microphone level
            <meter
              className="device-check__meter"
              min={0}
              max={1}
              low={0.05}
              high={0.8}
              value={level}
              aria-label="Microphone level"
            />
          </label>
          <DevicePicker value={devices} onChange={change} />
          <Button size="sm" onClick={() => setIsOn(false)}>
            Stop the check
          </Button>
        </>
      ) : (
        <Button size="sm" onClick={() => setIsOn(true)}>
          Check camera and microphone
        </Button>
      )}
    </section>
  );
}
