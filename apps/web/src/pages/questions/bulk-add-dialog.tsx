import { useState, type ChangeEvent } from 'react';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../ui/dialog';
import { TextAreaField } from '../interviews/textarea-field';
import { pairCaseFiles, parsePastedCases, type BulkCase, type BulkResult } from './bulk-tests';

const EXAMPLE = '1 2\n---\n3\n===\n5 7\n---\n12';

/** Adds many test cases at once, pasted as text or uploaded as .in/.out file pairs. */
export function BulkAddDialog({ onAdd }: { onAdd: (cases: readonly BulkCase[]) => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState('');
  const [fromFiles, setFromFiles] = useState<BulkResult | null>(null);
  const pasted = parsePastedCases(text);
  const result = fromFiles ?? pasted;

  async function handleFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    if (files.length === 0) return setFromFiles(null);
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    setFromFiles(pairCaseFiles(read));
  }

  function close(next: boolean) {
    setIsOpen(next);
    if (!next) {
      setText('');
      setFromFiles(null);
    }
  }

  return (
    <Dialog open={isOpen} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button>Bulk add…</Button>
      </DialogTrigger>
      <DialogContent
        title="Bulk add test cases"
        description='Paste cases, with a "---" line between input and expected output and a "===" line between cases; or choose .in/.out file pairs.'
        footer={
          <>
            <Button onClick={() => close(false)}>Cancel</Button>
            <Button
              variant="primary"
              disabled={result.cases.length === 0}
              onClick={() => {
                onAdd(result.cases);
                close(false);
              }}
            >
              {result.cases.length === 1 ? 'Add 1 case' : `Add ${result.cases.length} cases`}
            </Button>
          </>
        }
      >
        <div className="questions-stack">
          <TextAreaField
            label="Paste cases"
            rows={8}
            value={text}
            placeholder={EXAMPLE}
            disabled={fromFiles !== null}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="bulk-case-files">
              Or upload files
            </label>
            <p className="ui-field__hint" id="bulk-case-files-hint">
              Pairs like 1.in and 1.out (or .ans); several at once.
            </p>
            <input
              id="bulk-case-files"
              type="file"
              multiple
              accept=".in,.out,.ans,.expected,text/plain"
              aria-describedby="bulk-case-files-hint"
              onChange={(e) => void handleFiles(e)}
            />
          </div>
          {result.problems.length > 0 ? (
            <Alert tone="warning" title="Some cases were not understood" role="status">
              <ul className="questions-issues">
                {result.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}
