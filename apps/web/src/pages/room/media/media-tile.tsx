import clsx from 'clsx';
import { useEffect, useRef } from 'react';
import { QUALITY_LABELS, type LinkQuality } from './call-quality';

export interface MediaTileProps {
  label: string;
  stream: MediaStream;
  kind: 'camera' | 'screen';
  isLocal: boolean;
  isSpeaking?: boolean;
  isMicOff?: boolean;
  isCameraOff?: boolean;
  quality?: LinkQuality | null;
  /** Speaker device for remote audio (setSinkId); null: the default. */
  sinkId?: string | null;
}

function describeQuality(q: LinkQuality): string {
  const parts = [
    q.rttMs === null ? null : `${q.rttMs} ms`,
    q.loss === null ? null : `${Math.round(q.loss * 100)}% loss`,
  ];
  const detail = parts.filter(Boolean).join(', ');
  return detail ? `${QUALITY_LABELS[q.quality]} (${detail})` : QUALITY_LABELS[q.quality];
}

/** One person's video (or screen) with their room label; remote audio plays through its own <audio> element. */
export function MediaTile({
  label,
  stream,
  kind,
  isLocal,
  isSpeaking,
  isMicOff,
  isCameraOff,
  quality,
  sinkId,
}: MediaTileProps) {
  const video = useRef<HTMLVideoElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
    if (audio.current && audio.current.srcObject !== stream) audio.current.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    const el = audio.current;
    if (el && 'setSinkId' in el) void el.setSinkId(sinkId ?? '').catch(() => undefined);
  }, [sinkId]);

  const canPip = typeof document !== 'undefined' && document.pictureInPictureEnabled && !isCameraOff;
  const name = kind === 'screen' ? `${label}'s screen` : `${label}${isLocal ? ' (you)' : ''}`;
  return (
    <figure
      className={clsx('call-tile', `call-tile--${kind}`, isSpeaking && 'call-tile--speaking')}
      aria-label={name}
      data-participant-label={label}
      data-kind={kind}
    >
      <video
        ref={video}
        autoPlay
        playsInline
        muted
        className={clsx('call-tile__video', isLocal && kind === 'camera' && 'call-tile__video--mirror')}
      />
      {isCameraOff ? <div className="call-tile__off">Camera off</div> : null}
      {!isLocal && kind === 'camera' ? <audio ref={audio} autoPlay className="call-tile__audio" /> : null}
      <figcaption className="call-tile__caption">
        <span className="call-tile__name">{name}</span>
        {isMicOff ? <span className="call-tile__badge">Muted</span> : null}
        {quality ? (
          <span
            className={clsx('call-tile__quality', `call-tile__quality--${quality.quality}`)}
            role="img"
            aria-label={describeQuality(quality)}
            title={describeQuality(quality)}
          >
            <span />
            <span />
            <span />
          </span>
        ) : null}
      </figcaption>
      {canPip ? (
        <button
          type="button"
          className="call-tile__pip"
          onClick={() => void video.current?.requestPictureInPicture().catch(() => undefined)}
        >
          Pop out<span className="visually-hidden"> {name}</span>
        </button>
      ) : null}
    </figure>
  );
}
