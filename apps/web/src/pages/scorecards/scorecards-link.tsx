import type { Interview } from '@interviewselect/contracts';
import { Link } from 'react-router';
import { Button } from '../../ui/button';

/** The interview page's way to the scorecards: once the interview has started (drafts), and after it. */
export function ScorecardsLink({ interview }: { interview: Pick<Interview, 'id' | 'status'> }) {
  if (!['live', 'paused', 'ended'].includes(interview.status)) return null;
  return (
    <Button asChild variant={interview.status === 'ended' ? 'primary' : 'secondary'}>
      <Link to={`/interviews/${interview.id}/scorecards`}>Scorecards</Link>
    </Button>
  );
}
