import type { ProblemSummary } from '@interviewselect/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { questionKeys, questionsApi } from '../../lib/questions-api';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../ui/dialog';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { CATEGORY_LABELS, DifficultyChip, ownerLabel } from '../questions/problem-labels';

type Askable = ProblemSummary & { currentVersionId: string };

/** Only published problems can be asked: an interview points at an immutable version. */
const isAskable = (p: ProblemSummary): p is Askable => p.status === 'published' && p.currentVersionId !== null;

export interface BankQuestionPickerProps {
  orgId: string;
  /** Version ids already in the interview (shown as added). */
  chosen: ReadonlySet<string>;
  onPick: (problem: Askable) => void;
  isDisabled: boolean;
}

/** "Add from question bank": a typo-tolerant search over the public library and the organisation's problems. */
export function BankQuestionPicker({ orgId, chosen, onPick, isDisabled }: BankQuestionPickerProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const resultsId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const query = { orgId, status: 'published' as const, pageSize: 10, ...(q ? { q } : { sort: 'popularity' as const }) };
  const results = useQuery({
    queryKey: questionKeys.list(query),
    queryFn: ({ signal }) => questionsApi.search(query, signal),
    enabled: isOpen,
    placeholderData: keepPreviousData,
  });
  const items = (results.data?.items ?? []).filter(isAskable);

  return (
    <Dialog
      open={isOpen}
      onOpenChange={(next) => {
        setIsOpen(next);
        if (!next) setText('');
      }}
    >
      <DialogTrigger asChild>
        <Button id="questions-add-bank" disabled={isDisabled}>
          Add from question bank…
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add from the question bank"
        description="Published problems of the public library and of your organisation. The interview keeps the version you add."
        className="bank-picker"
      >
        <div className="interviews-stack">
          <TextField
            label="Search problems"
            type="search"
            value={text}
            placeholder="Title, topic or words of the statement"
            aria-controls={resultsId}
            onChange={(event) => setText(event.target.value)}
          />
          <div id={resultsId} aria-live="polite" aria-busy={results.isFetching}>
            {results.isError ? (
              <Alert title="The question bank could not be searched">
                {results.error.message}{' '}
                <Button size="sm" onClick={() => void results.refetch()}>
                  Try again
                </Button>
              </Alert>
            ) : results.isPending ? (
              <p className="bank-picker__status">
                <Spinner size="sm" /> Searching…
              </p>
            ) : items.length === 0 ? (
              <p className="bank-picker__status">No published problem matches “{q}”.</p>
            ) : (
              <ul className="bank-picker__list">
                {items.map((problem) => {
                  const isChosen = chosen.has(problem.currentVersionId);
                  return (
                    <li key={problem.id} className="bank-picker__item">
                      <div className="bank-picker__text">
                        <span className="bank-picker__title">{problem.title}</span>
                        <span className="bank-picker__meta">
                          <DifficultyChip difficulty={problem.difficulty} /> {CATEGORY_LABELS[problem.category]} ·{' '}
                          {ownerLabel(problem.owner)}
                          {problem.tags.length > 0 ? ` · ${problem.tags.slice(0, 3).join(', ')}` : ''}
                        </span>
                      </div>
                      <Button
                        size="sm"
                        disabled={isChosen}
                        aria-label={isChosen ? `${problem.title} is added` : `Add ${problem.title}`}
                        onClick={() => onPick(problem)}
                      >
                        {isChosen ? 'Added' : 'Add'}
                      </Button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
