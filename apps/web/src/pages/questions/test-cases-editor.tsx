import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { BulkAddDialog } from './bulk-add-dialog';
import type { BulkCase } from './bulk-tests';
import { CellInput, CellTextArea } from './cell-field';
import { emptyTest, move, newKey, type DraftErrors, type DraftTest } from './editor-draft';
// The scroll region reuses the Table's frame (the editable table is its own markup).
import '../../ui/table.css';

export interface TestCasesEditorProps {
  tests: readonly DraftTest[];
  onChange: (tests: DraftTest[]) => void;
  errors: DraftErrors;
}

/** The problem's test cases as an editable table: add, edit, reorder, hide, weigh, delete, bulk add. */
export function TestCasesEditor({ tests, onChange, errors }: TestCasesEditorProps) {
  const update = (index: number, patch: Partial<DraftTest>) =>
    onChange(tests.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  const addCases = (cases: readonly BulkCase[]) =>
    onChange([...tests, ...cases.map((c) => ({ ...emptyTest(), ...c, key: newKey() }))]);
  const hiddenCount = tests.filter((t) => t.hidden).length;

  return (
    <div className="questions-stack">
      <div className="questions-row">
        <p className="questions-muted" role="status">
          {tests.length === 0
            ? 'No test cases yet.'
            : `${tests.length} ${tests.length === 1 ? 'case' : 'cases'}, ${hiddenCount} hidden.`}
        </p>
      </div>
      {tests.length === 0 ? (
        <EmptyState
          title="Add the first test case"
          description="Candidates see the visible cases; hidden ones run on submit. Publishing runs every reference solution against all of them."
        />
      ) : (
        <div className="ui-table-scroll questions-tests-region" role="region" aria-label="Test cases" tabIndex={0}>
          <table className="questions-tests">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Name</th>
                <th scope="col">Input (stdin)</th>
                <th scope="col">Expected output</th>
                <th scope="col">Hidden</th>
                <th scope="col">Weight</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tests.map((test, index) => {
                const n = index + 1;
                const at = (field: string) => errors[`tests.${index}.${field}`];
                return (
                  <tr key={test.key} aria-label={`Test case ${n}`}>
                    <th scope="row">{n}</th>
                    <td className="questions-tests__name">
                      <CellInput
                        label={`Test case ${n} name`}
                        name={`tests.${index}.name`}
                        value={test.name}
                        placeholder="e.g. empty array"
                        error={at('name')}
                        onChange={(e) => update(index, { name: e.target.value })}
                      />
                    </td>
                    <td className="questions-tests__io">
                      <CellTextArea
                        label={`Test case ${n} input`}
                        name={`tests.${index}.input`}
                        value={test.input}
                        rows={3}
                        error={at('input')}
                        onChange={(e) => update(index, { input: e.target.value })}
                      />
                    </td>
                    <td className="questions-tests__io">
                      <CellTextArea
                        label={`Test case ${n} expected output`}
                        name={`tests.${index}.expectedOutput`}
                        value={test.expectedOutput}
                        rows={3}
                        error={at('expectedOutput')}
                        onChange={(e) => update(index, { expectedOutput: e.target.value })}
                      />
                    </td>
                    <td>
                      <label className="questions-row">
                        <input
                          type="checkbox"
                          name={`tests.${index}.hidden`}
                          aria-label={`Test case ${n} hidden`}
                          checked={test.hidden}
                          onChange={(e) => update(index, { hidden: e.target.checked })}
                        />
                        <span aria-hidden="true">Hidden</span>
                      </label>
                    </td>
                    <td className="questions-tests__narrow">
                      <CellInput
                        label={`Test case ${n} weight`}
                        name={`tests.${index}.weight`}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={100}
                        value={test.weight}
                        error={at('weight')}
                        onChange={(e) => update(index, { weight: e.target.value })}
                      />
                    </td>
                    <td>
                      <div className="questions-row-actions">
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={index === 0}
                          aria-label={`Move test case ${n} up`}
                          onClick={() => onChange(move(tests, index, index - 1))}
                        >
                          ↑
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={index === tests.length - 1}
                          aria-label={`Move test case ${n} down`}
                          onClick={() => onChange(move(tests, index, index + 1))}
                        >
                          ↓
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Delete test case ${n}`}
                          onClick={() => onChange(tests.filter((_, i) => i !== index))}
                        >
                          Delete
                        </Button>
                      </div>
                      {test.comparator ? (
                        <p className="questions-muted">Own comparator: {test.comparator.kind}</p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="questions-row">
        <Button onClick={() => onChange([...tests, emptyTest()])}>Add test case</Button>
        <BulkAddDialog onAdd={addCases} />
      </div>
    </div>
  );
}
