import { ScorecardTemplateInputSchema, type ScorecardTemplateDetail } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatDateTime } from '../../../lib/format-date';
import { scorecardKeys, scorecardsApi } from '../../../lib/scorecards-api';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { Skeleton } from '../../../ui/skeleton';
import { TextField } from '../../../ui/text-field';
import { useToast } from '../../../ui/toast';
import { TextAreaField } from '../../interviews/textarea-field';
import { CompetencyEditor } from './competency-editor';
import { newCompetency, toInput, valuesOf, type TemplateValues } from './template-values';
import '../scorecards.css';

/** "competencies.1.levels.0.label" → "Competency 2, level 1" (to prefix a message with where it applies). */
export function describePath(path: string): string {
  const words: string[] = [];
  for (const [, field, index] of path.matchAll(/(competencies|levels)\.(\d+)/g)) {
    words.push(`${field === 'competencies' ? 'Competency' : 'level'} ${Number(index) + 1}`);
  }
  return words.length > 0 ? `${words.join(', ')}:` : '';
}

/** /orgs/:orgId/scorecard-templates/:templateId (or /new): edit a template; saving adds a version. */
export function TemplateEditorPage() {
  const { orgId = '', templateId = 'new' } = useParams();
  const isNew = templateId === 'new';
  const query = useQuery({
    queryKey: scorecardKeys.template(templateId),
    queryFn: ({ signal }) => scorecardsApi.template(templateId, signal),
    enabled: !isNew,
  });
  if (!isNew && query.isPending) return <Skeleton shape="block" height="20rem" />;
  if (!isNew && query.isError) {
    return (
      <ErrorState
        headingLevel={1}
        title="Couldn't load the template"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    );
  }
  const detail = isNew ? null : (query.data ?? null);
  return <TemplateEditor key={detail?.currentVersion ?? 'new'} orgId={orgId} detail={detail} />;
}

function TemplateEditor({ orgId, detail }: { orgId: string; detail: ScorecardTemplateDetail | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const [values, setValues] = useState<TemplateValues>(() => valuesOf(detail?.current ?? null));
  const [issues, setIssues] = useState<string[]>([]);
  const savedKeys = detail?.current.competencies.map((c) => c.key) ?? [];
  const canManage = detail ? detail.can.manage : true;

  const save = useMutation({
    mutationFn: () => {
      const input = toInput(values);
      return detail
        ? scorecardsApi.updateTemplate(detail.id, detail.currentVersion, input)
        : scorecardsApi.createTemplate(orgId, input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.templates(orgId) });
      queryClient.setQueryData(scorecardKeys.template(saved.id), saved);
      toast({ title: `Saved “${saved.name}” as version ${saved.currentVersion}`, tone: 'success' });
      void navigate(`/orgs/${orgId}/scorecard-templates/${saved.id}`, { replace: true });
    },
    onError: (error) =>
      setIssues([
        describeError(error),
        ...(error instanceof ApiError ? error.issues.map((i) => `${describePath(i.path)} ${i.message}`.trim()) : []),
      ]),
  });

  function submit() {
    const parsed = ScorecardTemplateInputSchema.safeParse(toInput(values));
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => `${describePath(i.path.join('.'))} ${i.message}`.trim()));
      return;
    }
    setIssues([]);
    save.mutate();
  }

  const setCompetency = (index: number, next: TemplateValues['competencies'][number] | null) =>
    setValues({
      ...values,
      competencies: next
        ? values.competencies.map((c, i) => (i === index ? next : c))
        : values.competencies.filter((_, i) => i !== index),
    });

  return (
    <div className="scorecards-page">
      <nav aria-label="Breadcrumb" className="scorecards-breadcrumb">
        <Link to={`/orgs/${orgId}/scorecard-templates`}>Scorecard templates</Link>
      </nav>
      <PageHeader
        title={detail ? detail.name : 'New scorecard template'}
        description={
          detail
            ? `Version ${detail.currentVersion}${detail.isDefault ? ' · the default' : ''}${detail.status === 'archived' ? ' · archived' : ''}. Saving creates version ${detail.currentVersion + 1}.`
            : 'Competencies, their scales and what earns each level.'
        }
        actions={
          canManage ? (
            <Button variant="primary" onClick={submit} isLoading={save.isPending}>
              {detail ? 'Save new version' : 'Create template'}
            </Button>
          ) : null
        }
      />
      {issues.length > 0 ? (
        <Alert title="The template was not saved">
          <ul className="scorecard-missing">
            {issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <fieldset className="scorecard-template-fields" disabled={!canManage}>
        <Card title="Template">
          <div className="scorecard-list">
            <TextField
              label="Name"
              value={values.name}
              onChange={(e) => setValues({ ...values, name: e.target.value })}
            />
            <TextAreaField
              label="Description"
              rows={2}
              value={values.description}
              onChange={(e) => setValues({ ...values, description: e.target.value })}
            />
          </div>
        </Card>
        {values.competencies.map((c, i) => (
          <CompetencyEditor
            key={i}
            index={i}
            competency={c}
            isKeyLocked={savedKeys.includes(c.key)}
            takenKeys={values.competencies.filter((_, j) => j !== i).map((o) => o.key)}
            onChange={(next) => setCompetency(i, next)}
            onRemove={values.competencies.length > 1 ? () => setCompetency(i, null) : undefined}
          />
        ))}
        <div>
          <Button
            variant="secondary"
            onClick={() =>
              setValues({
                ...values,
                competencies: [...values.competencies, newCompetency(values.competencies.map((c) => c.key))],
              })
            }
          >
            Add competency
          </Button>
        </div>
      </fieldset>
      {detail ? (
        <Card title="Versions">
          <ol className="scorecard-panel">
            {detail.versions.map((v) => (
              <li key={v.id} className="scorecard-panel__item">
                <span>Version {v.version}</span>
                <span className="scorecard-muted">
                  {v.createdBy.name}, {formatDateTime(v.createdAt)}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </div>
  );
}
