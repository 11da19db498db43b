import { useQuery } from '@tanstack/react-query';
import { orgKeys, orgsApi } from '../../lib/orgs-api';
import { executionKeys, executionsApi } from '../code-runner/executions-api';

/**
 * What the interview form needs besides the interview: the org's members (co-interviewers)
 * and the installed languages. Languages are optional: the form falls back to every known id.
 */
export function useInterviewFormData(orgId: string | undefined) {
  const members = useQuery({
    queryKey: orgKeys.members(orgId ?? ''),
    queryFn: ({ signal }) => orgsApi.members(orgId ?? '', signal),
    enabled: orgId !== undefined,
  });
  const languages = useQuery({
    queryKey: executionKeys.languages,
    queryFn: ({ signal }) => executionsApi.languages(signal),
    staleTime: 5 * 60_000,
  });
  return {
    members,
    languages: languages.data?.languages ?? [],
    isPending: members.isPending || languages.isPending,
  };
}
