import type { LanguageInfo } from '@interviewselect/contracts';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../ui/button';
import { CodeEditor } from './code-editor';
import { LanguagePicker } from './language-picker';
import { PanelTabs, TabPanel } from './panel-tabs';
import { RunAnnouncer } from './run-announcer';
import { RunPanel } from './run-panel';
import { isRunShortcut, modifierKeyLabel } from './shortcut-hint';
import { newTestCase, toInlineTests, type TestCase } from './test-cases';
import { TerminalPanel } from './terminal-panel';
import { TestsPanel } from './tests-panel';
import { useExecution } from './use-execution';
import { useScratchpad } from './use-scratchpad';

type Tab = 'run' | 'tests' | 'terminal';
const TABS = [
  { id: 'run', label: 'Run' },
  { id: 'tests', label: 'Tests' },
  { id: 'terminal', label: 'Terminal' },
] as const;
const TABS_ID = 'code-runner';

/** The editor, its toolbar and the Run / Tests tabs, once the languages are known. */
export function Scratchpad({ languages, initial }: { languages: readonly LanguageInfo[]; initial: LanguageInfo }) {
  const pad = useScratchpad(languages, initial);
  const [stdin, setStdin] = useState('');
  const [cases, setCases] = useState<TestCase[]>(() => [newTestCase()]);
  const [submittedIds, setSubmittedIds] = useState<readonly string[]>([]);
  const [isStopOnFirstFailure, setIsStopOnFirstFailure] = useState(false);
  const [lastMode, setLastMode] = useState<Tab | null>(null);
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get('tab');
  const tab: Tab = tabParam === 'tests' || tabParam === 'terminal' ? tabParam : 'run';
  // The terminal mounts on first use and then stays, so switching tabs keeps its session.
  const [hasTerminal, setHasTerminal] = useState(tab === 'terminal');
  if (tab === 'terminal' && !hasTerminal) setHasTerminal(true);
  const runExecution = useExecution();
  const testExecution = useExecution();
  const isBusy = runExecution.isRunning || testExecution.isRunning;
  const mod = modifierKeyLabel();
  const panelsRef = useRef<HTMLDivElement>(null);

  // Bring the results into view when a run starts (a tall editor can push them below the fold).
  function revealResults() {
    panelsRef.current?.scrollIntoView?.({ block: 'nearest' });
  }

  function selectTab(next: Tab) {
    setSearchParams(
      (params) => {
        if (next === 'run') params.delete('tab');
        else params.set('tab', next);
        return params;
      },
      { replace: true },
    );
  }

  function run() {
    if (isBusy) return;
    selectTab('run');
    setLastMode('run');
    revealResults();
    void runExecution.start({
      language: pad.language.id,
      source: pad.source,
      mode: 'run',
      stdin,
      stopOnFirstFailure: false,
    });
  }

  function runTests() {
    if (isBusy) return;
    selectTab('tests');
    setLastMode('tests');
    revealResults();
    setSubmittedIds(cases.map((c) => c.id));
    void testExecution.start({
      language: pad.language.id,
      source: pad.source,
      mode: 'test',
      tests: toInlineTests(cases),
      stopOnFirstFailure: isStopOnFirstFailure,
    });
  }

  const runActive = tab === 'tests' ? runTests : run;

  // Ctrl/⌘+Enter from any field of the page (stdin, a test's input), not only the editor.
  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented || !isRunShortcut(event)) return;
    event.preventDefault();
    if (event.shiftKey) runTests();
    else runActive();
  }

  return (
    <div className="code-runner" onKeyDown={handleKeyDown}>
      <div className="code-runner__toolbar">
        <LanguagePicker
          className="code-runner__language"
          languages={languages}
          value={pad.language.id}
          onChange={pad.chooseLanguage}
          isDisabled={isBusy}
        />
        <div className="code-runner__actions">
          <Button
            variant="primary"
            onClick={run}
            isLoading={runExecution.isRunning}
            disabled={isBusy}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            {runExecution.isRunning ? 'Running…' : 'Run'}
            <kbd className="code-runner__kbd" aria-hidden="true">
              {mod} ↵
            </kbd>
          </Button>
          <Button
            onClick={runTests}
            isLoading={testExecution.isRunning}
            disabled={isBusy}
            aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
          >
            {testExecution.isRunning ? 'Running tests…' : 'Run tests'}
          </Button>
        </div>
      </div>
      {pad.offer ? (
        <div className="code-runner__offer" role="status">
          <span>Your code was kept.</span>
          <Button size="sm" variant="secondary" onClick={pad.acceptOffer}>
            Replace it with the {pad.offer.name} example
          </Button>
          <Button size="sm" variant="ghost" onClick={pad.dismissOffer}>
            Keep my code
          </Button>
        </div>
      ) : null}
      <CodeEditor
        label={`Source code (${pad.language.name}, ${pad.language.fileName})`}
        value={pad.source}
        onChange={pad.setSource}
        onRun={runActive}
        onTest={runTests}
        mode={pad.language.editorMode}
      />
      <div className="code-runner__panels" ref={panelsRef}>
        <PanelTabs label="Result" tabs={TABS} selected={tab} onSelect={selectTab} idPrefix={TABS_ID} />
        <TabPanel idPrefix={TABS_ID} id="run" selected={tab} className="code-runner__panel">
          <RunPanel stdin={stdin} onStdinChange={setStdin} run={runExecution} />
        </TabPanel>
        <TabPanel idPrefix={TABS_ID} id="tests" selected={tab} className="code-runner__panel">
          <TestsPanel
            cases={cases}
            onCasesChange={setCases}
            submittedIds={submittedIds}
            isStopOnFirstFailure={isStopOnFirstFailure}
            onStopOnFirstFailureChange={setIsStopOnFirstFailure}
            run={testExecution}
          />
        </TabPanel>
        <TabPanel idPrefix={TABS_ID} id="terminal" selected={tab} className="code-runner__panel">
          {hasTerminal ? <TerminalPanel languages={languages} /> : null}
        </TabPanel>
      </div>
      <RunAnnouncer run={lastMode === 'tests' ? testExecution : lastMode === 'run' ? runExecution : null} />
    </div>
  );
}
