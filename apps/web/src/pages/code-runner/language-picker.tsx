import type { LanguageId, LanguageInfo } from '@interviewselect/contracts';
import { SelectField } from '../../ui/select-field';

export interface LanguagePickerProps {
  languages: readonly LanguageInfo[];
  value: LanguageId;
  onChange: (language: LanguageInfo) => void;
  isDisabled?: boolean;
  className?: string;
}

/**
 * Name and version, without saying the major version twice: "Python 3" at
 * "3.11.2" reads "Python 3.11.2"; "C (GCC)" at "12.2.0" reads "C (GCC) 12.2.0".
 */
export function languageLabel({ name, version }: Pick<LanguageInfo, 'name' | 'version'>): string {
  const lastWord = name.split(' ').at(-1) ?? '';
  if (/^\d+$/.test(lastWord) && version.startsWith(`${lastWord}.`)) {
    return `${name.slice(0, -lastWord.length)}${version}`;
  }
  return `${name} ${version}`;
}

/** The installed languages, as the runner reports them. */
export function LanguagePicker({ languages, value, onChange, isDisabled = false, className }: LanguagePickerProps) {
  return (
    <SelectField
      label="Language"
      className={className}
      value={value}
      disabled={isDisabled}
      onChange={(event) => {
        const next = languages.find((l) => l.id === event.target.value);
        if (next) onChange(next);
      }}
    >
      {languages.map((language) => (
        <option key={language.id} value={language.id}>
          {languageLabel(language)}
        </option>
      ))}
    </SelectField>
  );
}
