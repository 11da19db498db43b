/** Object keys of a recording in storage (built here only, never from request input). */
export const chunkKey = (recordingId: string, seq: number) =>
  `recordings/${recordingId}/chunks/${String(seq).padStart(6, '0')}`;

export const mediaKey = (recordingId: string) => `recordings/${recordingId}/media.webm`;
