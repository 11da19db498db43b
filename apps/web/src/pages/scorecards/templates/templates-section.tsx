import type { ScorecardTemplateSummary } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../lib/describe-error';
import { formatDateTime } from '../../../lib/format-date';
import { scorecardKeys, scorecardsApi } from '../../../lib/scorecards-api';
import { Alert } from '../../../ui/alert';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { ErrorState } from '../../../ui/error-state';
import { Skeleton } from '../../../ui/skeleton';
import { Table, type TableColumn } from '../../../ui/table';
import { useToast } from '../../../ui/toast';
import { useOrgContext } from '../../orgs/org-page';
import '../scorecards.css';

type TemplateAction = 'default' | 'archive' | 'restore';

/** /orgs/:orgId/scorecard-templates: the organisation's templates; owners and admins manage them. */
export function ScorecardTemplatesSection() {
  const { org } = useOrgContext();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  const list = useQuery({
    queryKey: scorecardKeys.templates(org.id),
    queryFn: ({ signal }) => scorecardsApi.templates(org.id, signal),
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: TemplateAction }) =>
      action === 'default'
        ? scorecardsApi.makeDefault(id)
        : action === 'archive'
          ? scorecardsApi.archiveTemplate(id)
          : scorecardsApi.restoreTemplate(id),
    onMutate: () => setProblem(null),
    onSuccess: (t, { action }) => {
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.templates(org.id) });
      const what = action === 'default' ? 'is now the default' : action === 'archive' ? 'archived' : 'restored';
      toast({ title: `“${t.name}” ${what}`, tone: 'success' });
    },
    onError: (error) => setProblem(describeError(error)),
  });

  if (list.isPending) return <Skeleton shape="block" height="12rem" />;
  if (list.isError) {
    return (
      <ErrorState
        title="Couldn't load the scorecard templates"
        message={describeError(list.error)}
        onRetry={() => void list.refetch()}
        isRetrying={list.isFetching}
      />
    );
  }
  const canManage = list.data.can.manage;
  const columns: TableColumn<ScorecardTemplateSummary>[] = [
    {
      key: 'name',
      header: 'Template',
      isRowHeader: true,
      sortValue: (t) => t.name,
      cell: (t) => (
        <span className="scorecard-template-name">
          <Link to={`/orgs/${org.id}/scorecard-templates/${t.id}`}>{t.name}</Link>
          {t.isDefault ? <Badge tone="info">Default</Badge> : null}
          {t.status === 'archived' ? <Badge>Archived</Badge> : null}
        </span>
      ),
    },
    {
      key: 'version',
      header: 'Version',
      align: 'end',
      sortValue: (t) => t.currentVersion,
      cell: (t) => `v${t.currentVersion}`,
    },
    { key: 'competencies', header: 'Competencies', align: 'end', cell: (t) => t.competencyCount },
    {
      key: 'used',
      header: 'Scorecards',
      align: 'end',
      sortValue: (t) => t.scorecardCount,
      cell: (t) => t.scorecardCount,
    },
    { key: 'updated', header: 'Updated', sortValue: (t) => t.updatedAt, cell: (t) => formatDateTime(t.updatedAt) },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: 'Actions',
            cell: (t: ScorecardTemplateSummary) => (
              <span className="interviews-actions">
                {t.status === 'active' && !t.isDefault ? (
                  <Button size="sm" variant="ghost" onClick={() => act.mutate({ id: t.id, action: 'default' })}>
                    Make default
                  </Button>
                ) : null}
                {t.status === 'active' && !t.isDefault ? (
                  <Button size="sm" variant="ghost" onClick={() => act.mutate({ id: t.id, action: 'archive' })}>
                    Archive
                  </Button>
                ) : null}
                {t.status === 'archived' ? (
                  <Button size="sm" variant="ghost" onClick={() => act.mutate({ id: t.id, action: 'restore' })}>
                    Restore
                  </Button>
                ) : null}
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title="Scorecard templates"
      headerEnd={
        canManage ? (
          <Button asChild size="sm">
            <Link to={`/orgs/${org.id}/scorecard-templates/new`}>New template</Link>
          </Button>
        ) : null
      }
    >
      <p className="scorecard-muted">
        New scorecards use the default template. Editing a template saves a new version; scorecards keep the version
        they were written with.
      </p>
      {problem ? <Alert title="That didn’t work">{problem}</Alert> : null}
      <Table
        caption="Scorecard templates"
        isCaptionHidden
        columns={columns}
        rows={list.data.items}
        getRowKey={(t) => t.id}
        emptyState="No templates yet."
      />
    </Card>
  );
}
