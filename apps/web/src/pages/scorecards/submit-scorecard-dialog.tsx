import type { Scorecard } from '@interviewselect/contracts';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { scorecardsApi } from '../../lib/scorecards-api';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../ui/dialog';
import { missingForSubmit, type ScorecardDraft } from './scorecard-draft';

/** "Submit…": saves what is unsaved, says what is missing, asks once, then submits and locks. */
export function SubmitScorecardDialog({
  card,
  draft,
  isDisabled,
  flush,
  onSubmitted,
}: {
  card: Scorecard;
  draft: ScorecardDraft;
  isDisabled: boolean;
  flush: () => Promise<number>;
  onSubmitted: (card: Scorecard) => void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const [isSending, setIsSending] = useState(false);
  const [problem, setProblem] = useState<string[] | null>(null);
  const missing = missingForSubmit(draft, card.template.competencies);

  async function submit() {
    setIsSending(true);
    setProblem(null);
    try {
      const revision = await flush();
      onSubmitted(await scorecardsApi.submit(card.id, revision));
      setIsOpen(false);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues.map((i) => i.message) : [];
      setProblem([describeError(error), ...issues]);
    } finally {
      setIsSending(false);
    }
  }

  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button variant="primary" disabled={isDisabled}>
          Submit scorecard…
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Submit your scorecard?"
        description={
          missing.length > 0
            ? 'A few things are missing before you can submit:'
            : 'Once submitted it cannot be changed. You will then see the other interviewers’ scorecards.'
        }
        footer={
          <>
            <DialogClose asChild>
              <Button variant="ghost">Keep editing</Button>
            </DialogClose>
            <Button variant="primary" onClick={() => void submit()} isLoading={isSending} disabled={missing.length > 0}>
              Submit
            </Button>
          </>
        }
      >
        {missing.length > 0 ? (
          <ul className="scorecard-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {problem ? (
          <Alert title="Not submitted">
            {problem.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </Alert>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
