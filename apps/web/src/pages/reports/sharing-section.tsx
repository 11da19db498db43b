import type { InterviewStatus, ReportShare } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { StatusChip } from '../../ui/status-chip';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { FreshUrl } from '../interviews/link-panel';
import { TextAreaField } from '../interviews/textarea-field';
import '../interviews/interviews.css';
import { sharingApi, sharingKeys } from './sharing-api';
import './sharing.css';

const EXPIRY_DAYS = [1, 7, 14, 30, 90] as const;
const STATE_LABELS: Record<ReportShare['state'], string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

/** Below the report (screen only): share links for people outside the organisation, and the release to the candidate. */
export function SharingSection({ interviewId, status }: { interviewId: string; status: InterviewStatus }) {
  return (
    <div className="report-sharing">
      <ShareLinksCard interviewId={interviewId} />
      <ReleaseCard interviewId={interviewId} isEnded={status === 'ended'} />
    </div>
  );
}

function ShareLinksCard({ interviewId }: { interviewId: string }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const query = useQuery({
    queryKey: sharingKeys.shares(interviewId),
    queryFn: ({ signal }) => sharingApi.shares(interviewId, signal),
  });
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<number>(14);
  const [includeReplay, setIncludeReplay] = useState(false);
  const [freshUrl, setFreshUrl] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: sharingKeys.shares(interviewId) });
  const create = useMutation({
    mutationFn: () => sharingApi.createShare(interviewId, { label, expiresInDays: days, includeReplay }),
    onSuccess: (created) => {
      setFreshUrl(created.url);
      setLabel('');
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (share: ReportShare) => sharingApi.revokeShare(share.id),
    onSuccess: (share) => {
      toast({ title: 'Link revoked', description: `“${share.label}” no longer opens the report.`, tone: 'success' });
      refresh();
    },
    onError: (error) => toast({ title: "Couldn't revoke the link", description: describeError(error), tone: 'error' }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFreshUrl(null);
    create.mutate();
  }

  return (
    <Card title="Share with someone outside the organisation" className="report-section">
      <p className="text-muted">
        A read-only link to this report as you see it now (a frozen copy), for a hiring manager without an account. It
        expires, you can revoke it, and every opening is recorded in the audit log.
      </p>
      <form className="report-share-form" onSubmit={submit} aria-label="New share link">
        <TextField
          label="Who is it for?"
          hint="Shown in the list below and in the audit log."
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          maxLength={120}
          error={create.isError ? describeError(create.error) : undefined}
        />
        <SelectField label="Expires after" value={String(days)} onChange={(e) => setDays(Number(e.target.value))}>
          {EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? '1 day' : `${d} days`}
            </option>
          ))}
        </SelectField>
        <label className="interviews-check">
          <input type="checkbox" checked={includeReplay} onChange={(e) => setIncludeReplay(e.target.checked)} />
          <span>Let them watch the session replay too</span>
        </label>
        <div className="interviews-actions">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create share link'}
          </Button>
        </div>
      </form>
      {freshUrl ? <FreshUrl label="Share link URL" url={freshUrl} /> : null}
      {query.isPending ? (
        <Skeleton shape="block" height="4rem" />
      ) : query.isError ? (
        <Alert tone="danger" title="Couldn't load the share links">
          {describeError(query.error)}
        </Alert>
      ) : query.data.shares.length === 0 ? (
        <p className="text-muted">No share links yet.</p>
      ) : (
        <div className="report-table-wrap" role="region" aria-label="Share links" tabIndex={0}>
          <table className="report-table">
            <caption className="visually-hidden">Share links, newest first</caption>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">State</th>
                <th scope="col">Expires</th>
                <th scope="col">Opened</th>
                <th scope="col">Made by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.shares.map((share) => (
                <tr key={share.id}>
                  <th scope="row">
                    {share.label}
                    {share.includeReplay ? <span className="text-muted"> · with replay</span> : null}
                  </th>
                  <td>
                    <StatusChip tone={share.state === 'active' ? 'success' : 'neutral'}>
                      {STATE_LABELS[share.state]}
                    </StatusChip>
                  </td>
                  <td>
                    <time dateTime={share.expiresAt}>{formatDateTime(share.expiresAt)}</time>
                  </td>
                  <td>
                    {share.openCount === 0
                      ? 'Not yet'
                      : `${share.openCount === 1 ? 'Once' : `${share.openCount} times`}${
                          share.lastOpenedAt ? `, last ${formatDateTime(share.lastOpenedAt)}` : ''
                        }`}
                  </td>
                  <td>{share.createdBy ?? '—'}</td>
                  <td>
                    {share.state === 'active' ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(share)}
                        aria-label={`Revoke the link for ${share.label}`}
                      >
                        Revoke
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function ReleaseCard({ interviewId, isEnded }: { interviewId: string; isEnded: boolean }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const query = useQuery({
    queryKey: sharingKeys.release(interviewId),
    queryFn: ({ signal }) => sharingApi.release(interviewId, signal),
  });
  const release = query.data?.release ?? null;
  const [draft, setDraft] = useState<{ feedback: string; includeCode: boolean; includeSolution: boolean } | null>(null);
  const form = draft ?? {
    feedback: release?.feedback ?? '',
    includeCode: release?.includeCode ?? false,
    includeSolution: release?.includeSolution ?? false,
  };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: sharingKeys.release(interviewId) });
  const save = useMutation({
    mutationFn: () => sharingApi.setRelease(interviewId, form),
    onSuccess: () => {
      setDraft(null);
      toast({ title: 'Released to the candidate', description: 'They see it under My interviews.', tone: 'success' });
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => sharingApi.withdrawRelease(interviewId),
    onSuccess: () => {
      setDraft(null);
      toast({ title: 'Release withdrawn', description: 'The candidate no longer sees it.', tone: 'success' });
      refresh();
    },
    onError: (error) => toast({ title: "Couldn't withdraw", description: describeError(error), tone: 'error' }),
  });
  const change = (patch: Partial<typeof form>) => setDraft({ ...form, ...patch });

  return (
    <Card
      title="Release to the candidate"
      className="report-section"
      headerEnd={
        release ? (
          <StatusChip tone="success">Released</StatusChip>
        ) : (
          <StatusChip tone="neutral">Not released</StatusChip>
        )
      }
    >
      {query.isPending ? (
        <Skeleton shape="block" height="6rem" />
      ) : query.isError ? (
        <Alert tone="danger" title="Couldn't load the release">
          {describeError(query.error)}
        </Alert>
      ) : !isEnded ? (
        <p className="text-muted">Feedback can be released once the interview has ended.</p>
      ) : (
        <form
          className="report-share-form"
          aria-label="Release to the candidate"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          {release ? (
            <p className="text-muted">
              Released {formatDateTime(release.releasedAt)}
              {release.releasedBy ? ` by ${release.releasedBy}` : ''}. The candidate sees what is saved here, as it was
              when released: saving again updates it.
            </p>
          ) : (
            <p className="text-muted">
              The candidate sees only what you release here, under My interviews. Scorecards and notes are never shown
              to them.
            </p>
          )}
          <TextAreaField
            label="Feedback for the candidate"
            rows={5}
            value={form.feedback}
            maxLength={10_000}
            onChange={(e) => change({ feedback: e.target.value })}
            error={save.isError ? describeError(save.error) : undefined}
          />
          <label className="interviews-check">
            <input
              type="checkbox"
              checked={form.includeCode}
              onChange={(e) => change({ includeCode: e.target.checked })}
            />
            <span>Include their final code</span>
          </label>
          <label className="interviews-check">
            <input
              type="checkbox"
              checked={form.includeSolution}
              onChange={(e) => change({ includeSolution: e.target.checked })}
            />
            <span>Include the reference solutions of the question-bank questions</span>
          </label>
          <div className="interviews-actions">
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? 'Releasing…' : release ? 'Update release' : 'Release to candidate'}
            </Button>
            {release ? (
              <Button variant="ghost" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
                Withdraw
              </Button>
            ) : null}
          </div>
        </form>
      )}
    </Card>
  );
}
