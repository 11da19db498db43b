import type { ProblemDetail } from '@interviewselect/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { questionKeys, questionsApi } from '../../lib/questions-api';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { useToast } from '../../ui/toast';
import { panelId, PanelTabs, tabId } from '../code-runner/panel-tabs';
import { GuidePanel, SolutionsPanel, TestsPanel, VersionsPanel } from './detail-panels';
import { PreviewPanel } from './preview-panel';
import { ProblemActions } from './problem-actions';
import { CATEGORY_LABELS, DifficultyChip, formatPassRate, ownerLabel, ProblemStatusChip } from './problem-labels';
import { VerificationPanel } from './verification-panel';
import '../code-runner/code-runner.css';
import './questions.css';

const TABS = [
  { id: 'preview', label: 'Preview' },
  { id: 'tests', label: 'Tests' },
  { id: 'solutions', label: 'Solutions' },
  { id: 'guide', label: 'Interviewer guide' },
  { id: 'versions', label: 'Versions' },
] as const;
type TabId = (typeof TABS)[number]['id'];
const TABS_ID = 'problem';
const POLL_MS = 1_000;

/** /questions/:problemId: the problem as the candidate sees it, everything interviewers see, and its actions. */
export function ProblemDetailPage() {
  const { problemId = '' } = useParams();
  const detail = useQuery({
    queryKey: questionKeys.detail(problemId),
    queryFn: ({ signal }) => questionsApi.get(problemId, signal),
  });
  if (detail.isPending) {
    return (
      <div aria-busy="true" className="questions-page">
        <span className="visually-hidden" role="status">
          Loading the problem…
        </span>
        <Skeleton width="45%" height="2rem" />
        <Skeleton width="70%" />
        <Skeleton shape="block" height="20rem" />
      </div>
    );
  }
  if (detail.isError) {
    const isMissing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <ErrorState
        headingLevel={1}
        title={isMissing ? 'Problem not found' : "Couldn't load the problem"}
        message={
          isMissing
            ? 'It may belong to an organisation you are not in right now. Check the organisation switcher.'
            : describeError(detail.error)
        }
        onRetry={isMissing ? undefined : () => void detail.refetch()}
        isRetrying={detail.isFetching}
        actions={
          <Button asChild variant="ghost">
            <Link to="/questions">Question bank</Link>
          </Button>
        }
      />
    );
  }
  return <ProblemView problem={detail.data} />;
}

/** Polls the verification until it settles, then refreshes the problem (now published, or still a draft). */
function useVerification(problem: ProblemDetail) {
  const [started, setStarted] = useState<string | null>(null);
  const verificationId = started ?? problem.verification?.id ?? null;
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const verification = useQuery({
    queryKey: questionKeys.verification(problem.id, verificationId ?? ''),
    queryFn: ({ signal }) => questionsApi.verification(problem.id, verificationId ?? '', signal),
    enabled: verificationId !== null,
    initialData: problem.verification?.id === verificationId ? (problem.verification ?? undefined) : undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const status = verification.data?.status;
  // Each verification this page started is announced once when it settles.
  const announced = useRef(new Set<string>());
  useEffect(() => {
    if (!started || !status || status === 'running' || announced.current.has(started)) return;
    announced.current.add(started);
    void queryClient.invalidateQueries({ queryKey: questionKeys.all });
    toast(
      status === 'passed'
        ? { title: 'Published', description: 'Every reference solution passed every test case.', tone: 'success' }
        : { title: 'Not published', description: 'A reference solution failed; see which case below.', tone: 'error' },
    );
  }, [started, status, queryClient, toast]);
  return { verification: verification.data, start: setStarted, isRunning: status === 'running' };
}

function ProblemView({ problem }: { problem: ProblemDetail }) {
  const [params, setParams] = useSearchParams();
  const tab: TabId = TABS.find((t) => t.id === params.get('tab'))?.id ?? 'preview';
  const { verification, start, isRunning } = useVerification(problem);
  const pkg = problem.package;
  const version = problem.currentVersion ? `v${problem.currentVersion}` : 'never published';

  return (
    <div className="questions-page">
      <p className="questions-breadcrumb">
        <Link to="/questions">Question bank</Link>
      </p>
      <PageHeader
        title={problem.title}
        description={
          <span className="questions-meta">
            <DifficultyChip difficulty={problem.difficulty} />
            <ProblemStatusChip status={problem.status} />
            <span>{CATEGORY_LABELS[problem.category]}</span>
            <span>{ownerLabel(problem.owner)}</span>
            <span>{version}</span>
            <span>about {pkg.estimatedMinutes} min</span>
            <span>
              used {problem.usage.timesUsed}× · pass rate {formatPassRate(problem.usage.passRate)}
            </span>
          </span>
        }
        actions={<ProblemActions problem={problem} onPublished={start} isVerifying={isRunning} />}
      />
      {problem.draft && problem.status === 'published' ? (
        <Alert tone="info" title={`Unpublished changes in draft v${problem.draft.version}`} role="status">
          The tabs show the published version. Publish to check the draft and make it current.
        </Alert>
      ) : null}
      {verification ? <VerificationPanel verification={verification} /> : null}
      <div>
        <PanelTabs
          label="Problem"
          tabs={TABS}
          selected={tab}
          onSelect={(id) => setParams(id === 'preview' ? {} : { tab: id }, { replace: true })}
          idPrefix={TABS_ID}
          className="questions-tabs"
        />
        <div
          role="tabpanel"
          id={panelId(TABS_ID, tab)}
          aria-labelledby={tabId(TABS_ID, tab)}
          className="questions-panel"
          tabIndex={0}
        >
          {tab === 'preview' ? <PreviewPanel problemId={problem.id} /> : null}
          {tab === 'tests' ? <TestsPanel pkg={pkg} /> : null}
          {tab === 'solutions' ? <SolutionsPanel pkg={pkg} /> : null}
          {tab === 'guide' ? <GuidePanel pkg={pkg} /> : null}
          {tab === 'versions' ? <VersionsPanel versions={problem.versions} /> : null}
        </div>
      </div>
    </div>
  );
}
