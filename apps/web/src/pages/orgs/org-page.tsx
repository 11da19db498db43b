import type { Org } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { canInvite, orgKeys, orgsApi, ROLE_LABELS } from '../../lib/orgs-api';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import './orgs.css';

export interface OrgContext {
  org: Org;
}

/** The organisation a /orgs/:orgId/… section belongs to, with the viewer's role in it. */
export function useOrgContext(): OrgContext {
  return useOutletContext<OrgContext>();
}

/** /orgs/:orgId: the organisation's header and its sections (members, invitations) as tabs. */
export function OrgPage() {
  const { orgId = '' } = useParams();
  const query = useQuery({ queryKey: orgKeys.detail(orgId), queryFn: ({ signal }) => orgsApi.get(orgId, signal) });

  if (query.isPending) {
    return (
      <div className="orgs-page" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading organisation…
        </span>
        <Skeleton width="16rem" height="2rem" />
        <Skeleton shape="block" height="14rem" />
      </div>
    );
  }
  if (query.isError) {
    const isMissing =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.code === 'auth.forbidden');
    return (
      <ErrorState
        headingLevel={1}
        title={isMissing ? 'Organisation not found' : "Couldn't load this organisation"}
        message={isMissing ? "It doesn't exist, or you're not a member of it." : describeError(query.error)}
        {...(isMissing ? {} : { onRetry: () => void query.refetch(), isRetrying: query.isFetching })}
        actions={
          <Button asChild variant="ghost">
            <Link to="/orgs">All organisations</Link>
          </Button>
        }
      />
    );
  }

  const org = query.data;
  const tabs = [
    { to: 'members', label: 'Members' },
    ...(canInvite(org.role) ? [{ to: 'invitations', label: 'Invitations' }] : []),
    ...(org.role !== 'viewer' ? [{ to: 'scorecard-templates', label: 'Scorecard templates' }] : []),
    { to: 'reminders', label: 'Reminders' },
    { to: 'recordings', label: 'Recordings' },
  ];
  return (
    <div className="orgs-page">
      <PageHeader
        title={org.name}
        description={
          <>
            You are {org.role === 'owner' || org.role === 'admin' ? 'an' : 'a'} {ROLE_LABELS[org.role].toLowerCase()}{' '}
            here. <Link to="/orgs">All organisations</Link>
          </>
        }
      />
      <nav className="orgs-tabs" aria-label="Organisation sections">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className="orgs-tabs__link">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Skeleton shape="block" height="14rem" />}>
        <Outlet context={{ org } satisfies OrgContext} />
      </Suspense>
    </div>
  );
}
