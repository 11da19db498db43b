import type { Interview, InterviewOptions, LanguageInfo, OrgMember } from '@interviewselect/contracts';
import { LANGUAGE_IDS } from '@interviewselect/contracts';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../lib/describe-error';
import { viewerTimeZone } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { CoInterviewersField } from './co-interviewers-field';
import {
  isFormField,
  serverFieldErrors,
  type Checked,
  type FixedInterviewer,
  type FormErrors,
  type InterviewFormValues,
} from './interview-form-values';
import { QuestionsEditor } from './questions-editor';

const OPTION_TEXT: Record<keyof InterviewOptions, { label: string; hint: string }> = {
  anonymous: {
    label: 'Anonymous mode',
    hint: 'People show as “Candidate” and “Interviewer 1”; no names, e-mails or pictures cross over.',
  },
  recordingAllowed: {
    label: 'Recording allowed',
    hint: 'The session is recorded for replay; the candidate is told in the lobby and must consent.',
  },
  integritySignals: {
    label: 'Integrity signals',
    hint: 'The candidate’s browser reports large pastes and tab switches; they are told in the lobby.',
  },
};

export interface InterviewFormProps<I> {
  /** The interview's organisation (whose question bank is offered). */
  orgId: string;
  initial: InterviewFormValues;
  members: readonly OrgMember[];
  languages: readonly LanguageInfo[];
  fixedInterviewer: FixedInterviewer;
  /** Validates the values with the shared schema (create or update). */
  check: (values: InterviewFormValues) => Checked<I>;
  submit: (input: I) => Promise<Interview>;
  onSuccess: (interview: Interview) => void;
  submitLabel: string;
  pendingLabel: string;
  errorTitle: string;
  onCancel: () => void;
}

/** Create and edit share this form: inline errors from the shared schema first, then from the server. */
export function InterviewForm<I>(props: InterviewFormProps<I>) {
  const { initial, members, languages, fixedInterviewer, check, submit, onSuccess } = props;
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FormErrors>({});
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess,
    onError: () => setTimeout(() => focusFirstProblem(formRef.current, alertRef.current), 0),
  });

  const remoteErrors = serverFieldErrors(mutation.error);
  const errors: FormErrors = { ...remoteErrors, ...localErrors };
  const unmatched = Object.entries(remoteErrors).filter(([key]) => !isFormField(key, values));
  const showAlert = mutation.isError && (unmatched.length > 0 || Object.keys(remoteErrors).length === 0);

  function change(next: Partial<InterviewFormValues>) {
    const merged = { ...values, ...next };
    setValues(merged);
    if (mutation.isError) mutation.reset();
    if (hasTriedSubmit) {
      const result = check(merged);
      setLocalErrors(result.ok ? {} : result.errors);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setHasTriedSubmit(true);
    const result = check(values);
    if (!result.ok) {
      setLocalErrors(result.errors);
      setTimeout(() => focusFirstProblem(formRef.current, null), 0);
      return;
    }
    setLocalErrors({});
    mutation.mutate(result.input);
  }

  const languageOptions =
    languages.length > 0
      ? languages.map((l) => ({ id: l.id, name: l.name }))
      : LANGUAGE_IDS.map((id) => ({ id, name: id }));

  return (
    <form ref={formRef} className="interviews-form" onSubmit={handleSubmit} noValidate aria-label={props.submitLabel}>
      {showAlert ? (
        <Alert ref={alertRef} title={props.errorTitle}>
          {unmatched.length > 0 ? unmatched.map(([, message]) => message).join(' ') : describeError(mutation.error)}
        </Alert>
      ) : null}
      <Card title="Interview">
        <div className="interviews-form__grid">
          <TextField
            className="interviews-form__wide"
            label="Title"
            name="title"
            value={values.title}
            maxLength={200}
            required
            placeholder="Backend engineer — pairing"
            error={errors.title}
            onChange={(e) => change({ title: e.target.value })}
          />
          <TextField
            label="Candidate name"
            name="candidate.name"
            value={values.candidateName}
            autoComplete="off"
            maxLength={100}
            required
            error={errors['candidate.name']}
            onChange={(e) => change({ candidateName: e.target.value })}
          />
          <TextField
            label="Candidate e-mail"
            name="candidate.email"
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            value={values.candidateEmail}
            required
            error={errors['candidate.email']}
            onChange={(e) => change({ candidateEmail: e.target.value })}
          />
          <TextField
            label="Planned start"
            name="plannedStart"
            type="datetime-local"
            value={values.plannedStart}
            hint={`Your time zone: ${viewerTimeZone().replaceAll('_', ' ')}. Leave empty to plan it later.`}
            error={errors.plannedStart}
            onChange={(e) => change({ plannedStart: e.target.value })}
          />
          <TextField
            label="Duration (minutes)"
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            hint="From 5 minutes to 8 hours."
            value={values.durationMinutes}
            required
            error={errors.durationMinutes}
            onChange={(e) => change({ durationMinutes: e.target.value })}
          />
          <SelectField
            label="Default language"
            name="defaultLanguage"
            value={values.defaultLanguage}
            hint="The editor opens in it; anyone in the room can switch."
            error={errors.defaultLanguage}
            onChange={(e) => change({ defaultLanguage: e.target.value })}
          >
            {languageOptions.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <Card title="Interviewers">
        <CoInterviewersField
          members={members}
          fixed={fixedInterviewer}
          selected={values.coInterviewerIds}
          onChange={(coInterviewerIds) => change({ coInterviewerIds })}
          error={errors.coInterviewerIds}
        />
      </Card>
      <Card title="Questions">
        <QuestionsEditor
          orgId={props.orgId}
          questions={values.questions}
          onChange={(questions) => change({ questions })}
          errors={errors}
        />
      </Card>
      <Card title="Options">
        <fieldset className="interviews-fieldset">
          <legend className="visually-hidden">Options</legend>
          {(Object.keys(OPTION_TEXT) as (keyof InterviewOptions)[]).map((key) => (
            <OptionCheckbox
              key={key}
              name={`options.${key}`}
              label={OPTION_TEXT[key].label}
              hint={OPTION_TEXT[key].hint}
              checked={values.options[key]}
              onChange={(checked) => change({ options: { ...values.options, [key]: checked } })}
            />
          ))}
        </fieldset>
      </Card>
      <div className="interviews-actions">
        <Button type="submit" variant="primary" isLoading={mutation.isPending}>
          {mutation.isPending ? props.pendingLabel : props.submitLabel}
        </Button>
        <Button variant="ghost" onClick={props.onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function OptionCheckbox(props: {
  name: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = `${props.name}-hint`;
  return (
    <label className="interviews-check interviews-check--option">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        aria-describedby={hintId}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>
        <span className="interviews-check__label">{props.label}</span>
        <span className="ui-field__hint" id={hintId}>
          {props.hint}
        </span>
      </span>
    </label>
  );
}

function focusFirstProblem(form: HTMLFormElement | null, fallback: HTMLElement | null) {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid?.tagName === 'FIELDSET') invalid.querySelector<HTMLElement>('input')?.focus();
  else (invalid ?? fallback)?.focus();
}
