import type { DraftErrors, EditorDraft } from './editor-draft';

/** What every editor section gets: the draft, a patcher and the errors keyed by package path. */
export interface SectionProps {
  draft: EditorDraft;
  onChange: (patch: Partial<EditorDraft>) => void;
  errors: DraftErrors;
}
