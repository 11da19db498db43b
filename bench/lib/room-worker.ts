/**
 * A client process of the `room` benchmark, forked by bench/room.bench.ts and
 * driven over IPC. Two kinds run at once, each its own process:
 *
 * - `load`: the bulk of the connections. Per room a writer (the candidate,
 *   typing into the room document's code buffer at `cps` characters a second,
 *   with a small cursor awareness update every `awarenessEvery` keystrokes) and
 *   a listener (the interviewer, who only watches: it publishes its presence
 *   every 15 s, as a provider's awareness renewal does, and on our server
 *   also opens the private notes document on the same socket).
 * - `probe`: a few rooms like the above, where the writer only inserts and the
 *   listener applies every update. Both live in this one process, so the time
 *   from the writer's keystroke to the listener having applied it is read on
 *   one clock. Kept light so its own event loop adds little to what it measures.
 *
 * Commands: connect → ready; type; mark (start of the measured window: counters
 * and samples reset); report; drain (stop typing, wait for acknowledgements);
 * close.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { RoomClient, traffic, type RoomDocState, type RoomProtocol } from './room-client.js';

export interface RoomSpec {
  /** The shared document (hocuspocus: `interview:<id>`; y-websocket: the room's path). */
  doc: string;
  /** The interviewer-only document the listener also opens (our server only). */
  privateDoc?: string;
  /** Cookie header of the writer (the candidate's guest cookie) and the listener (the interviewer's session). */
  writerCookie?: string;
  listenerCookie?: string;
}

export type WorkerCommand =
  | {
      cmd: 'connect';
      protocol: RoomProtocol;
      url: string;
      origin: string;
      rooms: RoomSpec[];
      /** Connections opened at once while ramping. */
      batch: number;
      probe: boolean;
      cps: number;
      awarenessEvery: number;
      backspaceRatio: number;
      /**
       * Share of the time a bulk writer types (1 = without pause). Typing comes in bursts within a
       * 30 s cycle whose phase differs per room; probe writers always type.
       */
      duty: number;
      providerVersion: string;
      /** Probe only: an HTTP URL of the server fetched every 200 ms while measured (its event loop's responsiveness). */
      pingUrl?: string;
    }
  | { cmd: 'type' }
  | { cmd: 'mark' }
  | { cmd: 'report' }
  | { cmd: 'drain'; timeoutMs: number }
  | { cmd: 'close' };

export interface ConnectResult {
  evt: 'connected';
  ok: number;
  failed: number;
  /** Milliseconds from opening the socket to every document authenticated and synced, per connection. */
  connectMs: number[];
  rampMs: number;
  failures: string[];
}

export interface WorkerReport {
  evt: 'report';
  windowMs: number;
  /** Local edits and awareness updates sent during the window. */
  updatesSent: number;
  awarenessSent: number;
  framesIn: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
  updatesIn: number;
  awarenessIn: number;
  acks: number;
  refused: number;
  /** Probe only: keystroke → remote apply, ms. */
  latencyMs: number[];
  /** Probe only: keystrokes typed while measured and not applied remotely when it ended: their age, ms. */
  unappliedMs: number[];
  /** Probe only (hocuspocus): update sent → sync status received, ms. */
  ackMs: number[];
  /** Probe only: response times of pingUrl, ms (a failed request counts as the time until it failed). */
  pingMs: number[];
  /** Writers' updates not yet acknowledged when the window ended (hocuspocus): the durable log's backlog. */
  unackedAtEnd: number;
  /** This process: CPU (user + system) as % of one core over the window, event-loop delay and utilisation. */
  cpuPercent: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  loopUtilization: number;
  openConnections: number;
  failuresInWindow: number;
  failures: string[];
}

export interface DrainResult {
  evt: 'drained';
  /** Updates still waiting for their acknowledgement when the drain gave up. */
  unacked: number;
  waitedMs: number;
}

const CODE = `def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n    return []\n\n`;

interface Writer {
  client: RoomClient;
  state: RoomDocState;
  timer: NodeJS.Timeout | null;
  typed: number;
  /** Where in the typing cycle this writer starts, ms. */
  cycleOffset: number;
}

const CYCLE_MS = 30_000;

interface Listener {
  client: RoomClient;
  state: RoomDocState;
}

let config: Extract<WorkerCommand, { cmd: 'connect' }> | null = null;
const writers: Writer[] = [];
const listeners: Listener[] = [];
const clients: RoomClient[] = [];
let updatesSent = 0;
let awarenessSent = 0;
let latencyMs: number[] = [];
let ackMs: number[] = [];
let pingMs: number[] = [];
let pinger: NodeJS.Timeout | null = null;
/** When the HTTP ping now in flight was sent (null: none). */
let pingStarted: number | null = null;
let failuresInWindow = 0;
const failures: string[] = [];
let marked = false;
let windowStart = performance.now();
let cpuStart = process.cpuUsage();
let eluStart = performance.eventLoopUtilization();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
let typing = false;
const listenerTimers: NodeJS.Timeout[] = [];

function reply(message: ConnectResult | WorkerReport | DrainResult): void {
  process.send?.(message);
}

function noteFailure(reason: string): void {
  if (marked) failuresInWindow += 1;
  if (failures.length < 20) failures.push(reason);
}

const codeText = (doc: Y.Doc) => {
  const files = doc.getMap<Y.Text>('files');
  let text = files.get('python');
  if (!text) {
    text = new Y.Text();
    files.set('python', text);
  }
  return text;
};

function cursorState(text: Y.Text): Record<string, unknown> {
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length)) as unknown;
  return { user: { name: 'bench', color: '#30bced', colorLight: '#30bced33' }, cursor: { anchor: at, head: at } };
}

/** Probe bookkeeping: per writer client id, the clock each keystroke reached and when it was typed. */
const pendingEdits = new Map<number, { clock: number; at: number }[]>();

function keystroke(w: Writer, probe: boolean, backspaceRatio: number, awarenessEvery: number, duty: number): void {
  if (!w.client.open) return;
  if (!probe && duty < 1 && (performance.now() + w.cycleOffset) % CYCLE_MS >= duty * CYCLE_MS) return;
  const text = codeText(w.state.doc);
  const doc = w.state.doc;
  const at = performance.now();
  if (!probe && text.length > 0 && Math.random() < backspaceRatio) {
    text.delete(text.length - 1, 1);
  } else {
    text.insert(text.length, CODE[w.typed % CODE.length] ?? ' ');
  }
  w.typed += 1;
  updatesSent += 1;
  if (probe && marked) {
    const list = pendingEdits.get(doc.clientID) ?? [];
    list.push({ clock: Y.getState(doc.store, doc.clientID), at });
    pendingEdits.set(doc.clientID, list);
  }
  if (awarenessEvery > 0 && w.typed % awarenessEvery === 0) {
    w.client.setAwareness(w.state.name, cursorState(text));
    awarenessSent += 1;
  }
}

/** Probe listener: every pending keystroke of `writerId` whose clock the listener's document now has. */
function observeApplied(state: RoomDocState, writerId: number): void {
  const list = pendingEdits.get(writerId);
  if (!list || list.length === 0) return;
  const have = Y.getState(state.doc.store, writerId);
  const now = performance.now();
  let n = 0;
  while (n < list.length && (list[n]?.clock ?? Infinity) <= have) {
    latencyMs.push(now - (list[n]?.at ?? now));
    n += 1;
  }
  if (n > 0) list.splice(0, n);
}

function waitReady(client: RoomClient, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('not ready within ' + timeoutMs + ' ms'), timeoutMs);
    const check = setInterval(() => {
      if (client.readyAt !== null) {
        clearTimeout(timer);
        clearInterval(check);
        resolve(null);
      }
    }, 5);
    timer.unref();
  });
}

async function connect(cmd: Extract<WorkerCommand, { cmd: 'connect' }>): Promise<ConnectResult> {
  config = cmd;
  const started = performance.now();
  const connectMs: number[] = [];
  let ok = 0;
  let failed = 0;
  const roomsPerBatch = Math.max(1, Math.floor(cmd.batch / 2));
  for (let i = 0; i < cmd.rooms.length; i += roomsPerBatch) {
    const batch = cmd.rooms.slice(i, i + roomsPerBatch);
    const opened: RoomClient[] = [];
    for (const room of batch) {
      const headers = (cookie: string | undefined) => ({ origin: cmd.origin, ...(cookie ? { cookie } : {}) });
      let failedAlready = false;
      const onFailure = (reason: string) => {
        if (!failedAlready) noteFailure(reason);
        failedAlready = true;
      };
      const writerClient = new RoomClient({
        protocol: cmd.protocol,
        url: cmd.url,
        headers: headers(room.writerCookie),
        docs: [{ name: room.doc, apply: false }],
        providerVersion: cmd.providerVersion,
        events: {
          failure: onFailure,
          // The durable-ack time is the writer's: its updates are the ones stored.
          ack: cmd.probe
            ? (_state, _ok, sent) => {
                if (marked && sent?.measured) ackMs.push(performance.now() - sent.at);
              }
            : undefined,
        },
      });
      const writerState = writerClient.docs.get(room.doc) as RoomDocState;
      const listenerDocs =
        cmd.protocol === 'hocuspocus' && room.privateDoc
          ? [
              { name: room.doc, apply: cmd.probe },
              { name: room.privateDoc, apply: false },
            ]
          : [{ name: room.doc, apply: cmd.probe }];
      const writerId = writerState.doc.clientID;
      const listenerClient = new RoomClient({
        protocol: cmd.protocol,
        url: cmd.url,
        headers: headers(room.listenerCookie),
        docs: listenerDocs,
        providerVersion: cmd.providerVersion,
        events: {
          failure: (reason) => noteFailure(reason),
          update: cmd.probe ? (state) => observeApplied(state, writerId) : undefined,
        },
      });
      writers.push({
        client: writerClient,
        state: writerState,
        timer: null,
        typed: 0,
        cycleOffset: Math.random() * CYCLE_MS,
      });
      listeners.push({ client: listenerClient, state: listenerClient.docs.get(room.doc) as RoomDocState });
      opened.push(writerClient, listenerClient);
    }
    const results = await Promise.all(opened.map((c) => waitReady(c, 30_000)));
    results.forEach((problem, k) => {
      const client = opened[k] as RoomClient;
      clients.push(client);
      if (problem === null && client.readyAt !== null) {
        ok += 1;
        connectMs.push(client.readyAt - client.openedAt);
      } else {
        failed += 1;
        if (problem) noteFailure(problem);
      }
    });
  }
  // Presence, renewed like y-protocols' awareness (every 15 s): the writers' between bursts of typing.
  for (const w of writers) {
    listenerTimers.push(
      setInterval(() => {
        if (w.client.open) w.client.setAwareness(w.state.name, cursorState(codeText(w.state.doc)));
      }, 15_000),
    );
  }
  for (const l of listeners) {
    const publish = () => {
      if (l.client.open)
        l.client.setAwareness(l.state.name, { user: { name: 'bench', color: '#ee6352' }, cursor: null });
    };
    publish();
    listenerTimers.push(setInterval(publish, 15_000));
  }
  return { evt: 'connected', ok, failed, connectMs, rampMs: performance.now() - started, failures: [...failures] };
}

function startTyping(): void {
  if (!config || typing) return;
  typing = true;
  const { cps, probe, backspaceRatio, awarenessEvery, duty } = config;
  const period = 1000 / cps;
  for (const w of writers) {
    if (!w.client.open || w.state.readOnly) continue;
    // A random phase, so the keystrokes of different rooms do not arrive in lockstep.
    const phase = Math.random() * period;
    w.timer = setTimeout(() => {
      keystroke(w, probe, backspaceRatio, awarenessEvery, duty);
      w.timer = setInterval(() => keystroke(w, probe, backspaceRatio, awarenessEvery, duty), period);
    }, phase);
  }
}

function stopTyping(): void {
  typing = false;
  for (const w of writers) {
    if (w.timer) clearTimeout(w.timer);
    w.timer = null;
  }
}

function mark(): void {
  marked = true;
  updatesSent = 0;
  awarenessSent = 0;
  latencyMs = [];
  ackMs = [];
  failuresInWindow = 0;
  pendingEdits.clear();
  traffic.reset();
  loopDelay.reset();
  loopDelay.enable();
  windowStart = performance.now();
  cpuStart = process.cpuUsage();
  eluStart = performance.eventLoopUtilization();
  pingMs = [];
  const pingUrl = config?.pingUrl;
  if (pingUrl && !pinger) {
    pinger = setInterval(() => {
      if (pingStarted !== null) return;
      const started = performance.now();
      pingStarted = started;
      fetch(pingUrl, { signal: AbortSignal.timeout(60_000) })
        .then((res) => res.arrayBuffer())
        .catch(() => undefined)
        .finally(() => {
          // A ping still out when the window closed was already counted there.
          if (pingStarted === started) pingMs.push(performance.now() - started);
          pingStarted = null;
        });
    }, 200);
  }
}

function report(): WorkerReport {
  if (pinger) clearInterval(pinger);
  pinger = null;
  // An unanswered ping counts with the time it has waited so far (a lower bound).
  if (pingStarted !== null) pingMs.push(performance.now() - pingStarted);
  pingStarted = -1;
  const windowMs = performance.now() - windowStart;
  // Keystrokes typed while measured that the other side has not applied yet, with their age so far.
  const now = performance.now();
  const unappliedMs = [...pendingEdits.values()].flatMap((list) => list.map((e) => now - e.at));
  const cpu = process.cpuUsage(cpuStart);
  const elu = performance.eventLoopUtilization(eluStart);
  const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
  return {
    evt: 'report',
    windowMs,
    updatesSent,
    awarenessSent,
    framesIn: traffic.framesIn,
    framesOut: traffic.framesOut,
    bytesIn: traffic.bytesIn,
    bytesOut: traffic.bytesOut,
    updatesIn: traffic.updatesIn,
    awarenessIn: traffic.awarenessIn,
    acks: traffic.acks,
    refused: traffic.refused,
    latencyMs,
    unappliedMs,
    ackMs,
    pingMs,
    unackedAtEnd: writers.reduce((n, w) => n + (w.client.open ? w.state.sentAt.length : 0), 0),
    cpuPercent: ((cpu.user + cpu.system) / 1000 / windowMs) * 100,
    loopDelayP50Ms: ms(loopDelay.percentile(50)),
    loopDelayP99Ms: ms(loopDelay.percentile(99)),
    loopDelayMaxMs: ms(loopDelay.max),
    loopUtilization: elu.utilization,
    openConnections: clients.filter((c) => c.open).length,
    failuresInWindow,
    failures: [...failures],
  };
}

async function drain(timeoutMs: number): Promise<DrainResult> {
  stopTyping();
  const started = performance.now();
  const unacked = () => writers.reduce((n, w) => n + (w.client.open ? w.state.sentAt.length : 0), 0);
  while (unacked() > 0 && performance.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 20));
  return { evt: 'drained', unacked: unacked(), waitedMs: performance.now() - started };
}

process.on('message', (message: WorkerCommand) => {
  switch (message.cmd) {
    case 'connect':
      void connect(message).then(reply);
      break;
    case 'type':
      startTyping();
      break;
    case 'mark':
      mark();
      break;
    case 'report':
      reply(report());
      break;
    case 'drain':
      void drain(message.timeoutMs).then(reply);
      break;
    case 'close':
      stopTyping();
      for (const t of listenerTimers) clearInterval(t);
      for (const c of clients) c.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
