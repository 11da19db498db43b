import type { OrgMember } from '@interviewselect/contracts';
import { useId, useState } from 'react';
import { TextField } from '../../ui/text-field';
import type { FixedInterviewer } from './interview-form-values';

/** Above this many members a filter box helps find someone. */
const FILTER_FROM = 8;

export interface CoInterviewersFieldProps {
  members: readonly OrgMember[];
  /** Always an interviewer, so not offered: the person creating it, or the creator when editing. */
  fixed: FixedInterviewer;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** A multi-select of the org's members as a group of checkboxes: plain keyboard and screen-reader behaviour. */
export function CoInterviewersField({ members, fixed, selected, onChange, error }: CoInterviewersFieldProps) {
  const [filter, setFilter] = useState('');
  const hintId = useId();
  const errorId = useId();
  const others = members.filter((m) => m.userId !== fixed.userId && m.role !== 'viewer');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? others.filter((m) => m.name.toLowerCase().includes(needle) || m.email.toLowerCase().includes(needle))
    : others;
  const toggle = (id: string, isOn: boolean) => onChange(isOn ? [...selected, id] : selected.filter((s) => s !== id));

  return (
    <fieldset
      className="interviews-fieldset"
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
      aria-invalid={error ? true : undefined}
    >
      <legend className="ui-field__label">Co-interviewers</legend>
      <p className="ui-field__hint" id={hintId}>
        {others.length === 0
          ? `${fixed.sentence} the interviewer. No one else in the organisation can interview yet: invite colleagues from the organisation page.`
          : `${fixed.sentence} always an interviewer. ${selected.length} of ${others.length} colleagues chosen.`}
      </p>
      {others.length > FILTER_FROM ? (
        <TextField
          label="Find a colleague"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Name or e-mail"
        />
      ) : null}
      {others.length > 0 ? (
        <ul className="interviews-checklist">
          {shown.map((m) => (
            <li key={m.userId}>
              <label className="interviews-check">
                <input
                  type="checkbox"
                  name="coInterviewerIds"
                  value={m.userId}
                  checked={selected.includes(m.userId)}
                  onChange={(e) => toggle(m.userId, e.target.checked)}
                />
                <span>
                  {m.name} <span className="text-muted">{m.email}</span>
                </span>
              </label>
            </li>
          ))}
          {shown.length === 0 ? <li className="text-muted">No colleague matches “{filter}”.</li> : null}
        </ul>
      ) : null}
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
