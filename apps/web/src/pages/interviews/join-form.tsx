import { JoinRoomInputSchema, type CurrentUser, type Lobby } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { interviewsApi } from '../../lib/interviews-api';
import { SESSION_KEY } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { DeviceCheck } from '../room/media/device-check';
import { serverFieldErrors } from './interview-form-values';
import { describeLobbyError, mayEnter, needsConsent, whatIsRecorded } from './lobby-logic';

const CONSENT_MISSING = 'Tick the box to agree before joining.';

export interface JoinFormProps {
  token: string;
  lobby: Lobby;
  /** Signed in: joins with the account's name; otherwise as a guest with the typed name. */
  user: CurrentUser | null;
  /** Joined but not allowed in yet (a candidate before the start): the lobby waits. */
  onJoined: () => void;
}

/** Name (guests), what is recorded, consent when needed, and Join. */
export function JoinForm({ token, lobby, user, onJoined }: JoinFormProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const consentId = useId();
  const [name, setName] = useState(user?.name ?? lobby.suggestedName ?? '');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<{ displayName?: string; consent?: string }>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const consentRef = useRef<HTMLInputElement>(null);
  const isConsentNeeded = needsConsent(lobby.options);
  const join = useMutation({
    mutationFn: interviewsApi.joinLink,
    onSuccess: async (result) => {
      // A guest now has a room cookie: the shell's session knows about it.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      if (mayEnter(result.role, lobby.status)) await navigate(`/interviews/${result.interviewId}/room`);
      else onJoined();
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (join.isPending) return;
    const parsed = JoinRoomInputSchema.safeParse({ token, displayName: name, consent });
    const next: typeof errors = {};
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === 'displayName');
      if (issue) next.displayName = issue.message;
    }
    if (isConsentNeeded && !consent) next.consent = CONSENT_MISSING;
    setErrors(next);
    if (next.displayName) nameRef.current?.focus();
    else if (next.consent) consentRef.current?.focus();
    else if (parsed.success) join.mutate(parsed.data);
  }

  // The server's field issues go next to their fields; anything else into the alert.
  const remote = serverFieldErrors(join.error);
  const shown = { displayName: errors.displayName ?? remote.displayName, consent: errors.consent ?? remote.consent };
  const hasFieldIssue = Boolean(remote.displayName ?? remote.consent);
  const problem = join.isError && !hasFieldIssue ? describeLobbyError(join.error) : null;
  return (
    <form className="lobby__form" onSubmit={handleSubmit} noValidate aria-label="Join the interview">
      {problem ? (
        <Alert title={problem.title}>{problem.canRetry ? describeError(join.error) : problem.message}</Alert>
      ) : null}
      {user ? (
        <p>
          You join as <strong>{user.name}</strong> (signed in as {user.email}).
        </p>
      ) : (
        <TextField
          ref={nameRef}
          label="Your name"
          name="displayName"
          autoComplete="name"
          maxLength={100}
          required
          hint={
            lobby.options.anonymous
              ? 'Anonymous mode: the others see a role, not this name.'
              : 'Shown to the others in the room.'
          }
          value={name}
          error={shown.displayName}
          onChange={(e) => {
            setName(e.target.value);
            setErrors((current) => ({ ...current, displayName: undefined }));
            if (join.isError) join.reset();
          }}
        />
      )}
      <section className="lobby__notice" aria-labelledby={`${consentId}-title`}>
        <h2 id={`${consentId}-title`} className="lobby__notice-title">
          What is recorded
        </h2>
        <ul>
          {whatIsRecorded(lobby.options, lobby.role).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {isConsentNeeded ? (
          <div className={shown.consent ? 'ui-field ui-field--invalid' : 'ui-field'}>
            <label className="interviews-check" htmlFor={consentId}>
              <input
                ref={consentRef}
                id={consentId}
                type="checkbox"
                name="consent"
                checked={consent}
                required
                aria-invalid={shown.consent ? true : undefined}
                aria-describedby={shown.consent ? `${consentId}-error` : undefined}
                onChange={(e) => {
                  setConsent(e.target.checked);
                  setErrors((current) => ({ ...current, consent: undefined }));
                  if (join.isError) join.reset();
                }}
              />
              <span>I have read this and agree to it</span>
            </label>
            {shown.consent ? (
              <p className="ui-field__error" id={`${consentId}-error`}>
                {shown.consent}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>
      <DeviceCheck />
      <Button type="submit" variant="primary" size="lg" isLoading={join.isPending}>
        {join.isPending ? 'Joining…' : 'Join interview'}
      </Button>
    </form>
  );
}

/** The pre-join camera/microphone check (the room's media folder owns it). */
export { DeviceCheck };
