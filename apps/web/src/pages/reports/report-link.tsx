import { Link } from 'react-router';
import { Button } from '../../ui/button';

/** The way to an interview's report, for everyone who can see the interview (the server decides what it shows). */
export function ReportLink({ interviewId }: { interviewId: string }) {
  return (
    <Button asChild variant="ghost">
      <Link to={`/interviews/${interviewId}/report`}>Report</Link>
    </Button>
  );
}
