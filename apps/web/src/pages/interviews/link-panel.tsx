import type { Interview, InterviewLink, RoomRole } from '@interviewselect/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { interviewsApi } from '../../lib/interviews-api';
import { Button } from '../../ui/button';
import { CopyIcon } from '../../ui/icons';
import { SelectField } from '../../ui/select-field';
import { StatusChip } from '../../ui/status-chip';
import { useToast } from '../../ui/toast';
import { ROLE_LABELS } from './interview-status';
import { EXPIRY_CHOICES, LINK_STATUS_LABELS, linkStatus, ROLE_HINTS } from './link-state';

export interface LinkPanelProps {
  interview: Interview;
  role: RoomRole;
  link: InterviewLink | null;
  /** The URL of a link created on this page, shown until the page is left. */
  freshUrl: string | undefined;
  onCreated: (link: InterviewLink) => void;
  onRevoke: (link: InterviewLink) => void;
}

/** One role's link: its state, the once-only URL after creating it, and the create/regenerate form. */
export function LinkPanel({ interview, role, link, freshUrl, onCreated, onRevoke }: LinkPanelProps) {
  const headingId = useId();
  const [isFormOpen, setIsFormOpen] = useState(false);
  const openButtonId = `${role}-link-open`;
  const status = link ? linkStatus(link) : null;
  const label = ROLE_LABELS[role];
  return (
    <section className="interviews-link" aria-labelledby={headingId}>
      <div className="interviews-link__main">
        <header className="interviews-link__header">
          <h3 id={headingId} className="interviews-link__title">
            {label} link
          </h3>
          {status ? (
            <StatusChip tone={status === 'active' ? 'success' : 'neutral'}>{LINK_STATUS_LABELS[status]}</StatusChip>
          ) : (
            <StatusChip tone="neutral">None yet</StatusChip>
          )}
        </header>
        <p className="ui-field__hint">{ROLE_HINTS[role]}</p>
        {link ? (
          <dl className="interviews-facts interviews-facts--compact">
            <dt>{status === 'expired' ? 'Expired' : 'Expires'}</dt>
            <dd>
              <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt)}</time>
            </dd>
            <dt>Single use</dt>
            <dd>{link.singleUse ? 'Yes' : 'No'}</dd>
            <dt>Used</dt>
            <dd>{link.uses === 1 ? 'Once' : `${link.uses} times`}</dd>
            {link.emailedTo ? (
              <>
                <dt>E-mailed to</dt>
                <dd>{link.emailedTo}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </div>
      <div className="interviews-link__side">
        {freshUrl && status === 'active' ? <FreshUrl label={`${label} link URL`} url={freshUrl} /> : null}
        {isFormOpen ? (
          <CreateLinkForm
            interview={interview}
            role={role}
            isRegenerate={status === 'active'}
            onClose={() => {
              setIsFormOpen(false);
              // The button that opened the form comes back: keyboard users continue from there.
              setTimeout(() => document.getElementById(openButtonId)?.focus(), 0);
            }}
            onCreated={(created) => {
              setIsFormOpen(false);
              onCreated(created);
            }}
          />
        ) : (
          <div className="interviews-actions">
            <Button
              size="sm"
              variant={status === 'active' ? 'secondary' : 'primary'}
              onClick={() => setIsFormOpen(true)}
            >
              {status === 'active' ? `Regenerate ${label.toLowerCase()} link` : `Create ${label.toLowerCase()} link`}
            </Button>
            {link && status === 'active' ? (
              <Button size="sm" variant="ghost" onClick={() => onRevoke(link)}>
                Revoke
              </Button>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}

/** A secret URL shown once, right after it was made: selected, with a Copy button. */
export function FreshUrl({
  label,
  url,
  copiedHint = 'Paste it into your message to them.',
}: {
  label: string;
  url: string;
  /** What the "copied" toast suggests doing next. */
  copiedHint?: string;
}) {
  const { toast } = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      toast({ title: 'Link copied', description: copiedHint, tone: 'success' });
    } catch {
      inputRef.current?.select();
      toast({
        title: "Couldn't copy automatically",
        description: 'The link is selected: press Ctrl+C or ⌘C.',
        tone: 'info',
      });
    }
  }
  return (
    <div className="interviews-fresh-url">
      <label htmlFor={id} className="ui-field__label">
        {label}
      </label>
      <p className="ui-field__hint" id={`${id}-hint`}>
        Copy it now: for safety it is shown only once.
      </p>
      <div className="interviews-fresh-url__row">
        <input
          ref={inputRef}
          id={id}
          className="ui-field__input interviews-fresh-url__input"
          readOnly
          // Shown once, right after it was made: focused and selected, ready to copy.
          autoFocus
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="primary" onClick={() => void copy()}>
          <CopyIcon width={16} height={16} />
          Copy link
        </Button>
      </div>
    </div>
  );
}

function CreateLinkForm(props: {
  interview: Interview;
  role: RoomRole;
  isRegenerate: boolean;
  onClose: () => void;
  onCreated: (link: InterviewLink) => void;
}) {
  const { interview, role, isRegenerate } = props;
  const { toast } = useToast();
  const label = ROLE_LABELS[role];
  const create = useMutation({
    mutationFn: (input: { expiresInHours: number; singleUse: boolean; sendEmail: boolean }) =>
      interviewsApi.createLink(interview.id, { role, ...input }),
    onSuccess: (link) => {
      toast({
        title: `${label} link ${isRegenerate ? 'regenerated' : 'created'}`,
        description: link.emailedTo ? `E-mailed to ${link.emailedTo}.` : 'Copy it and send it to them.',
        tone: 'success',
      });
      props.onCreated(link);
    },
  });
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const data = new FormData(event.currentTarget);
    create.mutate({
      expiresInHours: Number(data.get('expiresInHours')),
      singleUse: data.get('singleUse') === 'on',
      sendEmail: data.get('sendEmail') === 'on',
    });
  }
  const verb = isRegenerate ? 'Regenerate' : 'Create';
  return (
    <form className="interviews-link__form" onSubmit={handleSubmit} aria-label={`${verb} ${label.toLowerCase()} link`}>
      {/* Opened by a button press that then disappears: focus moves into the form it opened. */}
      <SelectField label="Expires after" name="expiresInHours" defaultValue="168" autoFocus>
        {EXPIRY_CHOICES.map((c) => (
          <option key={c.hours} value={c.hours}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <label className="interviews-check">
        <input type="checkbox" name="singleUse" />
        <span>Single use: it stops working once someone has joined with it</span>
      </label>
      {role === 'candidate' ? (
        <label className="interviews-check">
          <input type="checkbox" name="sendEmail" />
          <span>
            E-mail it to the candidate ({interview.candidate.name}, {interview.candidate.email})
          </span>
        </label>
      ) : null}
      {isRegenerate ? <p className="ui-field__hint">The current {label.toLowerCase()} link stops working.</p> : null}
      {create.isError ? (
        <p className="ui-field__error" role="alert">
          {describeError(create.error)}
        </p>
      ) : null}
      <div className="interviews-actions">
        <Button type="submit" size="sm" variant="primary" isLoading={create.isPending}>
          {create.isPending ? 'Creating…' : `${verb} link`}
        </Button>
        <Button size="sm" variant="ghost" onClick={props.onClose} disabled={create.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
