import {
  RecordingChunkStoredSchema,
  RecordingListSchema,
  RecordingPlaybackSchema,
  RecordingSchema,
  type StartRecordingInput,
} from '@interviewselect/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiSend, apiSendBytes } from './api';

const recording = (id: string) => `/api/v1/recordings/${encodeURIComponent(id)}`;

export const recordingKeys = {
  list: (interviewId: string) => ['interviews', interviewId, 'recordings'] as const,
};

/** Recording an interview (PUT chunks as raw bytes) and reading its recordings. */
export const recordingsApi = {
  start: (interviewId: string, input: StartRecordingInput) =>
    apiSend('POST', `/api/v1/interviews/${encodeURIComponent(interviewId)}/recordings`, input, RecordingSchema),
  stop: (id: string, chunkCount: number) => apiSend('POST', `${recording(id)}/stop`, { chunkCount }, RecordingSchema),
  list: (interviewId: string, signal?: AbortSignal) =>
    apiGet(
      `/api/v1/interviews/${encodeURIComponent(interviewId)}/recordings`,
      RecordingListSchema,
      signal ? { signal } : {},
    ),
  playback: (id: string) => apiGet(`${recording(id)}/playback`, RecordingPlaybackSchema),

  /** One chunk as it came from MediaRecorder; a retry of a stored seq is answered `stored: false`. */
  putChunk: (id: string, seq: number, body: Blob, signal?: AbortSignal) =>
    apiSendBytes('PUT', `${recording(id)}/chunks/${seq}`, body, RecordingChunkStoredSchema, signal ? { signal } : {}),
};

export function recordingsQuery(interviewId: string) {
  return queryOptions({
    queryKey: recordingKeys.list(interviewId),
    queryFn: ({ signal }) => recordingsApi.list(interviewId, signal),
    // While one is processing, look again shortly.
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.status === 'processing' || r.status === 'recording') ? 3000 : false,
  });
}
