import { useQuery } from '@tanstack/react-query';
import { recordingsQuery } from '../../lib/recordings-api';
import { Card } from '../../ui/card';
import { RecordingPlayer } from '../room/recording/recording-player';

/** The report's recordings (only for the hiring team: share links never include them). Hidden when there are none. */
export function RecordingSection({ interviewId }: { interviewId: string }) {
  const list = useQuery(recordingsQuery(interviewId));
  if (list.isSuccess && list.data.items.length === 0) return null;
  return (
    <Card title="Recording" aria-label="Recording" className="report-section">
      <RecordingPlayer interviewId={interviewId} />
    </Card>
  );
}
