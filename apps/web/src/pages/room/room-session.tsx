import type { InterviewStatus, LanguageId, LanguageInfo, RoomInfo } from '@interviewselect/contracts';
import type { EditorView } from '@codemirror/view';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useToast } from '../../ui/toast';
import { isRunShortcut } from '../code-runner/shortcut-hint';
import { ChatPanel } from './chat-panel';
import { ConsolePanel, type ConsoleTab } from './console-panel';
import { EditorPane } from './editor-pane';
import { useEditorSettings } from './editor-settings';
import { LeftPanel } from './left-panel';
import { CallPanel } from './media/call-panel';
import { NotesPanel } from './notes-panel';
import { ParticipantsPanel } from './participants-panel';
import { mergePresence, readPresence } from './presence';
import { QuestionPanel } from './question-panel';
import { roomKeys } from './room-api';
import type { RoomConnectionState, RoomConnectionStore, RoomSession as Session } from './room-connection';
import { ensureBuffer, readChat, readConsole, ROOM_ORIGIN, roomTypes, switchLanguage } from './room-doc';
import { RoomLayout } from './room-layout';
import { localTimer, readBuffers, readMeta } from './room-readers';
import { availableActions, canWriteRoom, readOnlyReason } from './room-rules';
import { ConnectionNotice, ConnectionStatusLine } from './connection-status';
import { RoomTopBar } from './room-top-bar';
import { readRoomRecording } from './recording/room-recording-state';
import { RoomRecording } from './recording/room-recording';
import { useIntegritySignals } from './use-integrity-signals';
import { useRoomLifecycle } from './use-room-lifecycle';
import { useRoomRuns } from './use-room-runs';
import { useAwarenessStates, useYValue } from './use-y';
import { liveBoard } from './whiteboard/board-source';
import { CenterTabs } from './whiteboard/center-tabs';

export interface RoomSessionProps {
  info: RoomInfo;
  /** Server clock − this browser's clock (from when `info` arrived). */
  clockOffsetMs: number;
  languages: readonly LanguageInfo[];
  session: Session;
  connection: RoomConnectionState;
  store: RoomConnectionStore;
}

/** Ctrl/⌘+Shift+E: back to the editor from anywhere in the room. */
function isFocusEditorShortcut(event: KeyboardEvent): boolean {
  return event.code === 'KeyE' && event.shiftKey && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/** The live room once the socket session exists: every panel wired to the shared documents. */
export function RoomSession({ info, clockOffsetMs, languages, session, connection, store }: RoomSessionProps) {
  const { doc, awareness } = session;
  const me = info.me;
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const types = useMemo(() => roomTypes(doc), [doc]);
  const [statusOverride, setStatusOverride] = useState<InterviewStatus | null>(null);
  const status = statusOverride ?? info.status;

  useEffect(
    () =>
      store.onMessage((message) => {
        if (message.type === 'status') {
          setStatusOverride(message.status);
          void queryClient.invalidateQueries({ queryKey: roomKeys.info(info.interviewId) });
        } else if (message.type === 'error') {
          toast({ tone: 'error', title: 'The room could not do that', description: message.message });
        }
      }),
    [store, queryClient, info.interviewId, toast],
  );

  const meta = useYValue(types.meta, readMeta, { deep: false });
  const roomRecording = useYValue(types.meta, readRoomRecording, { deep: false });
  const buffers = useYValue(types.files, readBuffers, { deep: false });
  const chat = useYValue(types.chat, readChat);
  const consoleEntries = useYValue(types.console, readConsole);
  const presence = useAwarenessStates(awareness, readPresence);
  const people = useMemo(
    () => mergePresence(info.participants, presence, me.participantId),
    [info.participants, presence, me.participantId],
  );

  const language = meta.language ?? info.defaultLanguage;
  const buffer = buffers.get(language) ?? null;
  // The question on screen; a bank question brings its tests and starter code.
  const question = info.questions.find((q) => q.id === meta.questionId) ?? info.questions[0] ?? null;
  const problem = question?.view ?? null;
  const starter = useCallback(
    (id: LanguageId) => problem?.starterCode[id] ?? languages.find((l) => l.id === id)?.helloWorld ?? '',
    [problem, languages],
  );
  // The server's answer at load time wins until the status changes; the socket's scope wins over both.
  const canWrite =
    canWriteRoom(me.role, status) && (status !== info.status || me.canWrite) && !connection.isReadOnlyScope;

  // Writers create the current language's buffer (and the language itself) once the document has synced.
  useEffect(() => {
    if (!connection.isSynced || !canWrite) return;
    if (meta.language === null) doc.transact(() => types.meta.set('language', info.defaultLanguage), ROOM_ORIGIN);
    if (!buffer) ensureBuffer(doc, language, starter(language));
  }, [connection.isSynced, canWrite, meta.language, buffer, doc, types, language, starter, info.defaultLanguage]);

  const [settings, changeSettings] = useEditorSettings();
  const [followingId, setFollowingId] = useState<string | null>(null);
  const followed = people.find((p) => p.id === followingId && p.isOnline) ?? null;
  const [consoleTab, setConsoleTab] = useState<ConsoleTab>('output');
  const editorView = useRef<EditorView | null>(null);

  const runs = useRoomRuns({
    interviewId: info.interviewId,
    consoleEntries,
    readSource: () => (buffer ? { language, source: buffer.toJSON() } : null),
    canRun: canWrite,
    problemVersionId: problem?.versionId ?? null,
    onStart: (mode) => setConsoleTab(mode === 'run' ? 'output' : 'tests'),
  });
  const lifecycle = useRoomLifecycle({ interviewId: info.interviewId, onStatus: setStatusOverride });
  const onPaste = useIntegritySignals(info.options.integritySignals && me.role === 'candidate', session.send);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented) return;
    if (isFocusEditorShortcut(event)) {
      event.preventDefault();
      editorView.current?.focus();
    } else if (isRunShortcut(event)) {
      event.preventDefault();
      if (event.shiftKey) runs.test();
      else runs.run();
    }
  }

  const isInterviewer = me.role === 'interviewer';
  const reason =
    connection.isReadOnlyScope && canWriteRoom(me.role, status)
      ? 'The room is read-only for you right now.'
      : readOnlyReason(me.role, status);
  return (
    <div className="room" onKeyDown={handleKeyDown}>
      <RoomTopBar
        title={info.title}
        status={status}
        timer={localTimer(info.clock, clockOffsetMs)}
        plannedMs={info.durationMinutes * 60_000}
        isRecording={roomRecording !== null}
        people={people}
        actions={me.canControl ? availableActions(me.role, status) : []}
        pendingAction={lifecycle.pendingAction ?? null}
        onAction={lifecycle.perform}
      />
      <ConnectionNotice connection={connection} />
      <main className="room__main" id="main" tabIndex={-1}>
        <RoomLayout
          left={
            <LeftPanel
              question={
                <QuestionPanel
                  questions={info.questions}
                  currentId={meta.questionId}
                  onChoose={
                    isInterviewer ? (id) => doc.transact(() => types.meta.set('questionId', id), ROOM_ORIGIN) : null
                  }
                />
              }
              notes={
                isInterviewer ? (
                  <NotesPanel
                    doc={session.privateDoc}
                    awareness={session.privateAwareness}
                    isSynced={connection.isPrivateSynced}
                  />
                ) : null
              }
            />
          }
          editor={
            <CenterTabs
              idPrefix="room-centre"
              board={{
                source: liveBoard(doc, awareness, canWrite),
                title: info.title,
                readOnlyReason: canWrite ? null : reason,
              }}
              code={
                <EditorPane
                  languages={languages}
                  language={language}
                  onLanguage={
                    canWrite
                      ? (next) => {
                          switchLanguage(doc, next.id, starter(next.id));
                          session.send({ type: 'language', language: next.id });
                        }
                      : null
                  }
                  buffer={buffer}
                  awareness={awareness}
                  isReadOnly={!canWrite}
                  readOnlyReason={reason}
                  settings={settings}
                  onSettings={changeSettings}
                  canRun={canWrite && buffer !== null}
                  isRunning={runs.runExecution.isRunning}
                  isTesting={runs.testExecution.isRunning}
                  onRun={runs.run}
                  onTest={runs.test}
                  onSubmit={runs.hasProblem ? runs.submit : null}
                  testKind={runs.testKind}
                  onPaste={onPaste}
                  followClientId={followed?.clientIds[0] ?? null}
                  followingLabel={followed?.label ?? null}
                  onStopFollowing={() => setFollowingId(null)}
                  onView={(view) => {
                    editorView.current = view;
                  }}
                />
              }
            />
          }
          bottom={
            <ConsolePanel runs={runs} languages={languages} tab={consoleTab} onTab={setConsoleTab} problem={problem} />
          }
          right={
            <div className="room-right">
              <RoomRecording
                interviewId={info.interviewId}
                selfLabel={me.label}
                canRecord={me.role === 'interviewer' && info.options.recordingAllowed && status === 'live'}
                roomRecording={roomRecording}
              />
              <CallPanel
                interviewId={info.interviewId}
                self={{ participantId: me.participantId, label: me.label, role: me.role }}
                session={session}
                store={store}
                connection={connection}
                status={status}
                people={people}
              />
              <ParticipantsPanel people={people} followingId={followed?.id ?? null} onFollow={setFollowingId} />
              <ChatPanel
                messages={chat}
                meId={me.participantId}
                onSend={status === 'cancelled' ? null : (text) => session.send({ type: 'chat', text })}
              />
            </div>
          }
          status={<ConnectionStatusLine connection={connection} />}
        />
      </main>
    </div>
  );
}
