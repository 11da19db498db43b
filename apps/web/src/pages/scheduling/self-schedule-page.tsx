import type { SelfSchedule, Slot } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { viewerTimeZone } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { SelectField } from '../../ui/select-field';
import { readLobbyToken } from '../interviews/lobby-logic';
import { BookPanel } from './book-panel';
import { PageLoading } from './page-loading';
import { schedulingApi } from './scheduling-api';
import { formatSlot, timeZoneChoices } from './slot-days';
import { SlotPicker } from './slot-picker';
import './scheduling.css';

const STORAGE_KEY = 'isel:scheduling-token';

/** The token comes in the #fragment; it leaves the address bar at once and is kept for this tab only. */
function useSchedulingToken(): string | null {
  const [token] = useState(() => {
    const fromHash = readLobbyToken(window.location.hash);
    if (fromHash) return fromHash;
    try {
      return readLobbyToken(window.sessionStorage.getItem(STORAGE_KEY) ?? '');
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (!window.location.hash) return;
    try {
      if (token) window.sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Not remembered: a reload then needs the link again.
    }
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [token]);
  return token;
}

/** /schedule#<token>: the candidate (no account) picks a time for their interview, in their own time zone. */
export function SelfSchedulePage() {
  const token = useSchedulingToken();
  const query = useQuery({
    queryKey: ['scheduling', 'self', token],
    queryFn: ({ signal }) => schedulingApi.lookup(token ?? '', signal),
    enabled: token !== null,
    retry: (count, error) => !(error instanceof ApiError && error.isClientError) && count < 2,
  });
  if (!token) {
    return (
      <ErrorState
        headingLevel={1}
        title="This scheduling link is incomplete"
        message="Open the link from your message again, or copy all of it into the address bar."
      />
    );
  }
  if (query.isPending) return <PageLoading label="Loading the free times…" />;
  if (query.isError) {
    return (
      <ErrorState
        headingLevel={1}
        title="This scheduling link does not work"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    );
  }
  return <SelfScheduleView token={token} offer={query.data} />;
}

function SelfScheduleView({ token, offer }: { token: string; offer: SelfSchedule }) {
  const queryClient = useQueryClient();
  const [timeZone, setTimeZone] = useState(viewerTimeZone);
  const [selected, setSelected] = useState<Slot | null>(null);
  const book = useMutation({
    mutationFn: ({ slot, reason }: { slot: Slot; reason: string | undefined }) =>
      schedulingApi.selfBook(token, slot.start, timeZone, reason),
    onSuccess: (next) => {
      setSelected(null);
      queryClient.setQueryData(['scheduling', 'self', token], next);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['scheduling', 'self', token] }),
  });
  return (
    <div className="scheduling-page">
      <title>{`Pick a time · ${offer.interviewTitle}`}</title>
      <PageHeader title={offer.interviewTitle} description={`${offer.orgName} · ${offer.durationMinutes} minutes`} />
      {offer.booking ? (
        <Alert tone="info" title="Your interview is booked" role="status">
          <p>{formatSlot(offer.booking, timeZone)}</p>
          {offer.canPick ? <p>You can move it to another free time below.</p> : null}
        </Alert>
      ) : null}
      <SelectField
        label="Your time zone"
        hint="Times below are shown in this zone."
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
      >
        {timeZoneChoices(timeZone).map((z) => (
          <option key={z} value={z}>
            {z.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      {offer.canPick ? (
        <Card title={offer.booking ? 'Move to another time' : 'Pick a time'}>
          <div className="interviews-stack">
            <SlotPicker
              slots={offer.slots}
              timeZone={timeZone}
              selected={selected}
              onSelect={setSelected}
              emptyHint="No common free time is left in this window. Ask your recruiter for another link."
            />
            <BookPanel
              selected={selected}
              timeZone={timeZone}
              isRescheduling={offer.booking !== null}
              isPending={book.isPending}
              error={book.error}
              onBook={(slot, reason) => book.mutate({ slot, reason })}
              onPick={(slot) => {
                setSelected(slot);
                book.reset();
              }}
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
