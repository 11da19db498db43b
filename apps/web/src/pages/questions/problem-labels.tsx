import type { Difficulty, LanguageId, ProblemOwner, ProblemStatus, QuestionCategory } from '@interviewselect/contracts';
import type { BadgeTone } from '../../ui/badge';
import { StatusChip } from '../../ui/status-chip';

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };
const DIFFICULTY_TONES: Record<Difficulty, BadgeTone> = { easy: 'success', medium: 'warning', hard: 'danger' };

export const CATEGORY_LABELS: Record<QuestionCategory, string> = {
  coding: 'Coding',
  sql: 'SQL',
  system_design: 'System design',
  behavioural: 'Behavioural',
  frontend: 'Front-end',
};

export const STATUS_LABELS: Record<ProblemStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};
const STATUS_TONES: Record<ProblemStatus, BadgeTone> = { draft: 'info', published: 'success', archived: 'neutral' };

export const LANGUAGE_NAMES: Record<LanguageId, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  c: 'C',
  cpp: 'C++',
  go: 'Go',
  rust: 'Rust',
  ruby: 'Ruby',
  php: 'PHP',
  csharp: 'C#',
  bash: 'Bash',
  sql: 'SQL',
};

/** A language's display name; an id we do not know is shown as it is. */
export function languageName(language: string): string {
  return language in LANGUAGE_NAMES ? LANGUAGE_NAMES[language as LanguageId] : language;
}

/** Difficulty as text with a tone and glyph: never colour alone. */
export function DifficultyChip({ difficulty }: { difficulty: Difficulty }) {
  return <StatusChip tone={DIFFICULTY_TONES[difficulty]}>{DIFFICULTY_LABELS[difficulty]}</StatusChip>;
}

export function ProblemStatusChip({ status }: { status: ProblemStatus }) {
  return <StatusChip tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</StatusChip>;
}

export function ownerLabel(owner: ProblemOwner): string {
  return owner.kind === 'public' ? 'Public library' : (owner.orgName ?? 'Your organisation');
}

/** "72 %" or "—" before the first submit. */
export function formatPassRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}
