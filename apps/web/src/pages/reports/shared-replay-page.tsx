import { useLocation } from 'react-router';
import { ErrorState } from '../../ui/error-state';
import { fetchSharedReplayLog } from '../replay/replay-api';
import { ReplayLoader } from '../replay/replay-page';

/** /shared/replay#<token>: the session replay of a shared report whose link includes it. Public, like the report. */
export function SharedReplayPage() {
  const { hash } = useLocation();
  const token = decodeURIComponent(hash.replace(/^#/, ''));
  if (!token) {
    return (
      <ErrorState
        title="This link is incomplete"
        message="The address should end with # and a long code. Open the replay from the shared report."
      />
    );
  }
  return (
    <ReplayLoader
      key={token}
      load={(opts) => fetchSharedReplayLog(token, opts)}
      back={{ to: `/shared/report#${token}`, label: 'Back to the report' }}
    />
  );
}
