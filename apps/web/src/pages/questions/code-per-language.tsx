import { LANGUAGE_IDS, type LanguageId } from '@interviewselect/contracts';
import { useId, useState } from 'react';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { CellTextArea } from './cell-field';
import { LANGUAGE_NAMES } from './problem-labels';

export interface CodePerLanguageProps {
  /** "Starter code", "Reference solution". */
  label: string;
  /** Package field: "starterCode" or "referenceSolutions" (error paths and input names). */
  field: 'starterCode' | 'referenceSolutions';
  code: Partial<Record<LanguageId, string>>;
  onChange: (code: Partial<Record<LanguageId, string>>) => void;
  errors: Record<string, string>;
}

const withCode = (code: Partial<Record<LanguageId, string>>) =>
  LANGUAGE_IDS.filter((l) => (code[l] ?? '').trim() !== '');

/** One language at a time: a picker (marking languages that have code) and a monospace editor. */
export function CodePerLanguage({ label, field, code, onChange, errors }: CodePerLanguageProps) {
  const [language, setLanguage] = useState<LanguageId>(() => withCode(code)[0] ?? 'python');
  const filled = withCode(code);
  const listId = useId();
  const firstError = Object.keys(errors).find((k) => k.startsWith(`${field}.`));

  return (
    <div className="questions-stack">
      <div className="questions-row" id={listId}>
        <span className="questions-muted">Written for:</span>
        {filled.length === 0 ? (
          <span className="questions-muted">no language yet</span>
        ) : (
          filled.map((l) => (
            <Button key={l} size="sm" variant={l === language ? 'secondary' : 'ghost'} onClick={() => setLanguage(l)}>
              {LANGUAGE_NAMES[l]}
              {errors[`${field}.${l}`] ? <Badge tone="danger">error</Badge> : null}
            </Button>
          ))
        )}
      </div>
      <SelectField
        className="questions-language-select"
        label={`${label}: language`}
        value={language}
        onChange={(e) => setLanguage(e.target.value as LanguageId)}
        error={firstError && !firstError.endsWith(`.${language}`) ? errors[firstError] : undefined}
      >
        {LANGUAGE_IDS.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
            {filled.includes(l) ? ' (written)' : ''}
          </option>
        ))}
      </SelectField>
      <CellTextArea
        key={language}
        label={`${label} in ${LANGUAGE_NAMES[language]}`}
        name={`${field}.${language}`}
        className="questions-code"
        rows={12}
        value={code[language] ?? ''}
        placeholder={`${label} in ${LANGUAGE_NAMES[language]}. Reads stdin, writes stdout.`}
        error={errors[`${field}.${language}`]}
        onChange={(e) => onChange({ ...code, [language]: e.target.value })}
      />
    </div>
  );
}
