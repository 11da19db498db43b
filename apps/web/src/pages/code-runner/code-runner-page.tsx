import type { LanguageInfo } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { TerminalIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { Scratchpad } from './scratchpad';
import { executionKeys, executionsApi } from './executions-api';
import { pickInitialLanguage, readStoredLanguage } from './language-choice';
import './code-runner.css';

const DESCRIPTION = 'Write a program in any installed language and run it in the sandbox.';

/** /run: a scratchpad for running code; the interview room reuses its pieces. */
export function CodeRunnerPage() {
  const languages = useQuery({
    queryKey: executionKeys.languages,
    queryFn: ({ signal }) => executionsApi.languages(signal),
    staleTime: 5 * 60_000,
  });
  return (
    <div className="code-runner-page">
      <PageHeader title="Code runner" description={DESCRIPTION} />
      {languages.isPending ? (
        <LoadingSkeleton />
      ) : languages.isError ? (
        <ErrorState
          title="Couldn't load the languages"
          headingLevel={2}
          message={describeError(languages.error)}
          onRetry={() => void languages.refetch()}
          isRetrying={languages.isFetching}
        />
      ) : (
        <LanguagesReady languages={languages.data.languages} />
      )}
    </div>
  );
}

function LanguagesReady({ languages }: { languages: readonly LanguageInfo[] }) {
  // Read once: later choices are stored by the scratchpad itself.
  const [storedId] = useState(readStoredLanguage);
  const initial = pickInitialLanguage(languages, storedId);
  if (!initial) {
    return (
      <EmptyState
        icon={<TerminalIcon />}
        headingLevel={2}
        title="No languages are installed"
        description="The sandbox has no toolchains yet. Ask whoever runs this InterviewSelect installation to install the runner's languages."
      />
    );
  }
  return <Scratchpad languages={languages} initial={initial} />;
}

function LoadingSkeleton() {
  return (
    <div aria-busy="true" className="code-runner">
      <span className="visually-hidden" role="status">
        Loading languages…
      </span>
      <Skeleton width="16rem" height="4rem" shape="block" />
      <Skeleton height="20rem" shape="block" />
      <Skeleton height="12rem" shape="block" />
    </div>
  );
}
