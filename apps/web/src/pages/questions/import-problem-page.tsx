import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useId, useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { questionKeys, questionsApi } from '../../lib/questions-api';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { useToast } from '../../ui/toast';
import { TextAreaField } from '../interviews/textarea-field';
import { checkPackage, issuesFromServer, type PackageIssue } from './package-issues';
import { PackageFormat } from './package-format';
import { CATEGORY_LABELS, DIFFICULTY_LABELS, LANGUAGE_NAMES } from './problem-labels';
import { useActiveOrg } from './use-active-org';
import '../interviews/interviews.css';
import './questions.css';

function IssueList({ title, issues }: { title: string; issues: readonly PackageIssue[] }) {
  return (
    <Alert title={title} role="status">
      <ul className="questions-issues">
        {issues.map((issue, index) => (
          <li key={index}>
            <strong>{issue.where}</strong>
            {issue.path ? <code className="questions-muted"> ({issue.path})</code> : null}: {issue.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** /questions/import: a package JSON, uploaded or pasted, checked here first with precise errors, then imported. */
export function ImportProblemPage() {
  const org = useActiveOrg();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const fileId = useId();
  const checked = checkPackage(useDeferredValue(text));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const upload = useMutation({
    mutationFn: questionsApi.import,
    onSuccess: (problem) => {
      void queryClient.invalidateQueries({ queryKey: questionKeys.all });
      toast({ title: 'Problem imported as a draft', description: problem.title, tone: 'success' });
      void navigate(`/questions/${problem.id}`);
    },
  });

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    upload.reset();
  }

  const serverIssues = upload.error instanceof ApiError ? issuesFromServer(upload.error.issues) : [];
  return (
    <div className="questions-page">
      <p className="questions-breadcrumb">
        <Link to="/questions">Question bank</Link>
      </p>
      <PageHeader
        title="Import a problem"
        description="Upload or paste a problem package (JSON). It is checked here first, then saved as a draft in your organisation."
      />
      {!org?.canAuthor ? (
        <EmptyState
          headingLevel={2}
          title={org ? 'Viewers cannot import problems' : 'Choose an organisation first'}
          description="Imported problems belong to an organisation where you are an interviewer or admin."
          action={
            <Button asChild variant="primary">
              <Link to={org ? '/questions' : '/orgs'}>{org ? 'Back to the question bank' : 'Go to organisations'}</Link>
            </Button>
          }
        />
      ) : (
        <Card>
          <form
            className="questions-stack"
            aria-label="Import a problem"
            onSubmit={(event) => {
              event.preventDefault();
              if (checked.kind === 'valid' && !upload.isPending)
                upload.mutate({ orgId: org.orgId, package: checked.pkg });
            }}
          >
            <div className="ui-field">
              <label className="ui-field__label" htmlFor={fileId}>
                Package file
              </label>
              <p className="ui-field__hint" id={`${fileId}-hint`}>
                A .json file, e.g. one made with Export.{fileName ? ` Loaded: ${fileName}.` : ''}
              </p>
              <input
                id={fileId}
                type="file"
                accept=".json,application/json"
                aria-describedby={`${fileId}-hint`}
                onChange={(e) => void handleFile(e)}
              />
            </div>
            <TextAreaField
              label="Or paste the package"
              className="questions-code"
              rows={14}
              value={text}
              spellCheck={false}
              onChange={(e) => {
                setText(e.target.value);
                setFileName(null);
                upload.reset();
              }}
            />
            {checked.kind === 'invalid' ? (
              <IssueList
                title={
                  checked.issues.length === 1
                    ? '1 problem in the package'
                    : `${checked.issues.length} problems in the package`
                }
                issues={checked.issues}
              />
            ) : null}
            {checked.kind === 'valid' ? (
              <Alert tone="info" title={`Ready to import “${checked.pkg.title}”`} role="status">
                {DIFFICULTY_LABELS[checked.pkg.difficulty]} · {CATEGORY_LABELS[checked.pkg.category]} ·{' '}
                {checked.pkg.tests.length} test cases ({checked.pkg.tests.filter((t) => t.hidden).length} hidden) ·
                reference solutions:{' '}
                {Object.keys(checked.pkg.referenceSolutions)
                  .map((l) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES])
                  .join(', ') || 'none'}
              </Alert>
            ) : null}
            {upload.isError ? (
              serverIssues.length > 0 ? (
                <IssueList title="The server refused the package" issues={serverIssues} />
              ) : (
                <Alert title="Couldn't import the problem">{describeError(upload.error)}</Alert>
              )
            ) : null}
            <div className="questions-row">
              <Button type="submit" variant="primary" disabled={checked.kind !== 'valid'} isLoading={upload.isPending}>
                Import as draft
              </Button>
              <Button asChild variant="ghost">
                <Link to="/questions">Cancel</Link>
              </Button>
            </div>
          </form>
        </Card>
      )}
      <PackageFormat />
    </div>
  );
}
