import type { CandidateProblemView, LanguageInfo } from '@interviewselect/contracts';
import { useId, useState } from 'react';
import { isFinished, type ExecutionView } from '../code-runner/execution-view';
import { PanelTabs, TabPanel } from '../code-runner/panel-tabs';
import { RunAnnouncer } from '../code-runner/run-announcer';
import { RunPanel } from '../code-runner/run-panel';
import { TerminalPanel } from '../code-runner/terminal-panel';
import { TestsPanel } from '../code-runner/tests-panel';
import type { ExecutionRun } from '../code-runner/use-execution';
import type { ShownRun } from './console-view';
import { ProblemTestsPanel } from './problem-tests-panel';
import { VerdictTable } from './verdict-table';
import type { RoomRuns } from './use-room-runs';

export type ConsoleTab = 'output' | 'tests' | 'terminal';
const TABS = [
  { id: 'output', label: 'Output' },
  { id: 'tests', label: 'Tests' },
  { id: 'terminal', label: 'Terminal' },
] as const;
const TABS_ID = 'room-console';

/** The shown run as the code runner's panels expect it: this browser's own, or someone else's from the console. */
function panelRun(own: ExecutionRun, shown: ShownRun | null): ExecutionRun {
  if (!shown || shown.isLocal) return own;
  return { ...own, view: shown.view, failure: null, isRunning: !isFinished(shown.view.status) };
}

export interface ConsolePanelProps {
  runs: RoomRuns;
  languages: readonly LanguageInfo[];
  tab: ConsoleTab;
  onTab: (tab: ConsoleTab) => void;
  /** The bank problem on screen: the Tests tab shows its tests instead of custom ones. */
  problem: CandidateProblemView | null;
}

/**
 * The bottom panel: Output (stdin and the latest run's stream, shared with the
 * room), Tests (the bank question's tests, or custom ones; the latest test
 * run, shared), Terminal (a
 * personal sandbox REPL).
 */
export function ConsolePanel({ runs, languages, tab, onTab, problem }: ConsolePanelProps) {
  const [hasTerminal, setHasTerminal] = useState(tab === 'terminal');
  if (tab === 'terminal' && !hasTerminal) setHasTerminal(true);
  const shownRun = runs.shown('run');
  const shownTest = runs.shown('test');
  const ownTestRun = runs.testExecution;
  return (
    <div className="room-console">
      <PanelTabs
        label="Console"
        tabs={TABS}
        selected={tab}
        onSelect={onTab}
        idPrefix={TABS_ID}
        className="room-console__tabs"
      />
      <TabPanel idPrefix={TABS_ID} id="output" selected={tab} className="room-console__panel">
        <RunnerLine shown={shownRun} />
        <RunPanel stdin={runs.stdin} onStdinChange={runs.setStdin} run={panelRun(runs.runExecution, shownRun)} />
      </TabPanel>
      <TabPanel idPrefix={TABS_ID} id="tests" selected={tab} className="room-console__panel">
        {problem ? (
          <ProblemTestsPanel
            problem={problem}
            run={panelRun(ownTestRun, shownTest)}
            by={shownTest && !shownTest.isLocal ? (shownTest.by ?? 'someone') : null}
            isStopOnFirstFailure={runs.isStopOnFirstFailure}
            onStopOnFirstFailureChange={runs.setIsStopOnFirstFailure}
          />
        ) : (
          <>
            {shownTest && !shownTest.isLocal ? <SharedTestRun shown={shownTest} /> : null}
            <TestsPanel
              cases={runs.cases}
              onCasesChange={runs.setCases}
              submittedIds={runs.submittedIds}
              isStopOnFirstFailure={runs.isStopOnFirstFailure}
              onStopOnFirstFailureChange={runs.setIsStopOnFirstFailure}
              run={ownTestRun}
            />
          </>
        )}
      </TabPanel>
      <TabPanel idPrefix={TABS_ID} id="terminal" selected={tab} className="room-console__panel">
        {hasTerminal ? <TerminalPanel languages={languages} /> : null}
      </TabPanel>
      <RunAnnouncer
        run={runs.lastMode === 'test' ? runs.testExecution : runs.lastMode === 'run' ? runs.runExecution : null}
      />
    </div>
  );
}

function RunnerLine({ shown }: { shown: ShownRun | null }) {
  if (!shown) return null;
  return <p className="room-console__by">{shown.isLocal ? 'Your run' : `Run by ${shown.by ?? 'someone'}`}</p>;
}

/** Someone else's latest test run: one row per test with its verdict, time and memory. */
function SharedTestRun({ shown }: { shown: ShownRun }) {
  const captionId = useId();
  const view: ExecutionView = shown.view;
  const isRunning = !isFinished(view.status);
  const passed = view.tests.filter((t) => t.verdict === 'accepted').length;
  return (
    <div className="room-shared-tests">
      <p className="room-console__by" id={captionId}>
        Tests run by {shown.by ?? 'someone'}
        {isRunning ? ' — running…' : view.tests.length > 0 ? ` — ${passed} / ${view.tests.length} passed` : ''}
      </p>
      {view.tests.length > 0 ? (
        <VerdictTable
          labelledBy={captionId}
          rows={view.tests.map((test) => ({
            key: test.ordinal,
            label: `${test.ordinal + 1}${test.hidden ? ' (hidden)' : ''}`,
            result: test,
          }))}
        />
      ) : null}
    </div>
  );
}
