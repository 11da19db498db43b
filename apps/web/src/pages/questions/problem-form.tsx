import type { ProblemPackage, ProblemSummary } from '@interviewselect/contracts';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { CodePerLanguage } from './code-per-language';
import { errorsFromServer, validateDraft, type DraftErrors, type EditorDraft } from './editor-draft';
import { BasicsSection, StatementSection } from './basics-section';
import { ChecksSection, ExamplesSection, GuideSection } from './more-sections';
import { TestCasesEditor } from './test-cases-editor';

export interface ProblemFormProps {
  initial: EditorDraft;
  submitLabel: string;
  onSubmit: (pkg: ProblemPackage) => Promise<ProblemSummary>;
  onSaved: (problem: ProblemSummary) => void;
  cancel: ReactNode;
}

/**
 * Every field of a problem package. Validates with ProblemPackageSchema on
 * save and then live; the server's field issues land next to the same fields
 * (paths like "tests.3.expectedOutput"); focus moves to the first problem.
 */
export function ProblemForm({ initial, submitLabel, onSubmit, onSaved, cancel }: ProblemFormProps) {
  const [draft, setDraft] = useState(initial);
  const [hasTried, setHasTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const validation = hasTried ? validateDraft(draft) : null;
  const errors: DraftErrors = { ...serverErrors, ...(validation && !validation.ok ? validation.errors : {}) };

  const save = useMutation({
    mutationFn: onSubmit,
    onSuccess: onSaved,
    onError: (error) => {
      const fieldErrors = error instanceof ApiError ? errorsFromServer(error.issues) : {};
      setServerErrors(fieldErrors);
      setTimeout(() => focusFirstError(fieldErrors), 0);
    },
  });

  function focusFirstError(found: DraftErrors) {
    const form = formRef.current;
    if (!form) return;
    const target = [...form.querySelectorAll<HTMLElement>('[name]')].find((el) => {
      const name = el.getAttribute('name') ?? '';
      return Object.keys(found).some((path) => path === name || path.startsWith(`${name}.`));
    });
    (target ?? alertRef.current)?.focus();
  }

  function change(patch: Partial<EditorDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
    setServerErrors({});
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setHasTried(true);
    const result = validateDraft(draft);
    if (!result.ok) {
      focusFirstError(result.errors);
      return;
    }
    setServerErrors({});
    save.mutate(result.pkg);
  }

  const unplaced = save.error instanceof ApiError ? save.error.issues.length === 0 : Boolean(save.error);
  const errorCount = Object.keys(errors).length;
  return (
    <form ref={formRef} className="questions-form" aria-label="Problem" noValidate onSubmit={handleSubmit}>
      {save.isError && unplaced ? (
        <Alert ref={alertRef} title="Couldn't save the problem">
          {describeError(save.error)}
        </Alert>
      ) : null}
      <Card title="Basics">
        <BasicsSection draft={draft} onChange={change} errors={errors} />
      </Card>
      <Card title="Statement">
        <StatementSection draft={draft} onChange={change} errors={errors} />
      </Card>
      <Card title="Examples">
        <ExamplesSection draft={draft} onChange={change} errors={errors} />
      </Card>
      <Card title="Limits and checking">
        <ChecksSection draft={draft} onChange={change} errors={errors} />
      </Card>
      <Card title="Test cases">
        <TestCasesEditor tests={draft.tests} onChange={(tests) => change({ tests })} errors={errors} />
      </Card>
      <Card title="Starter code">
        <CodePerLanguage
          label="Starter code"
          field="starterCode"
          code={draft.starterCode}
          onChange={(starterCode) => change({ starterCode })}
          errors={errors}
        />
      </Card>
      <Card title="Reference solutions">
        <CodePerLanguage
          label="Reference solution"
          field="referenceSolutions"
          code={draft.referenceSolutions}
          onChange={(referenceSolutions) => change({ referenceSolutions })}
          errors={errors}
        />
      </Card>
      <Card title="Interviewer guide" headerEnd={<span className="questions-muted">Only interviewers see this</span>}>
        <GuideSection draft={draft} onChange={change} errors={errors} />
      </Card>
      <div className="questions-form__footer">
        <Button type="submit" variant="primary" isLoading={save.isPending}>
          {submitLabel}
        </Button>
        {cancel}
        {errorCount > 0 ? (
          <p className="ui-field__error" role="status">
            {errorCount === 1 ? '1 field needs attention.' : `${errorCount} fields need attention.`}
          </p>
        ) : null}
      </div>
    </form>
  );
}
