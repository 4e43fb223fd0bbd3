import { basename, dirname, join } from 'node:path';
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { RecordRange, type RangePart } from './RecordRange';

/** The key in workerData that makes a thread loading this module read a range. */
const JOB = 'segmentkitRecordRange';
/** A worker that has not answered by then is given up on; this thread then reads its range itself. */
const WAIT_MS = 5 * 60_000;

interface RangeJob {
  bytes: SharedArrayBuffer;
  offset: number;
  length: number;
  delimiter: number;
  width: number;
  from: number;
  capacity: number;
  port: MessagePort;
  /** Set to 1 once the answer (a RangePart or an error) is on the port. */
  done: Int32Array;
}

/** A range being read on another thread. */
export interface PendingRange {
  from: number;
  worker: Worker;
  port: MessagePort;
  done: Int32Array;
}

// A thread started by readRangeInWorker loads the sources or the CLI's bundle, which holds this
// module, and finds its job here.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[JOB]) serve((workerData as Record<string, RangeJob>)[JOB]);

function serve(job: RangeJob): void {
  try {
    const body = Buffer.from(job.bytes, job.offset, job.length);
    const range = new RecordRange(body, job.delimiter, job.width, job.from, 0, job.capacity);
    range.read(body.length);
    const part = range.part();
    const transfer = [part.rowSources.buffer as ArrayBuffer, ...part.columns.flatMap((c) => (c.kind === 'numbers' ? [c.values.buffer] : [c.codes.buffer, c.starts.buffer, c.lens.buffer]) as ArrayBuffer[])];
    job.port.postMessage({ part }, transfer);
  } catch (e) {
    job.port.postMessage({ error: String(e) });
  } finally {
    Atomics.store(job.done, 0, 1);
    Atomics.notify(job.done, 0);
  }
}

/**
 * What a worker loads to find this module: this file, or the CLI's cached bundle (whose entry
 * module only defines functions). Any other bundle could run its own program again when loaded,
 * so there the caller reads alone (null).
 */
function workerSource(): string | null {
  if (basename(__filename).startsWith('readRangeInWorker.')) return __filename;
  return dirname(__filename).endsWith(join('.cache', 'segmentkit')) ? __filename : null;
}

/** tsx, for a worker that loads the TypeScript sources (tests, `tsx` runs); the CLI's bundle needs none. */
function tsxRegister(): string | undefined {
  try {
    return require.resolve('tsx/cjs');
  } catch {
    return undefined;
  }
}

/**
 * Starts reading the records of `body` from byte `from` (a record start) to its end on a worker
 * thread, while the caller reads the part before. `body` must lie in a SharedArrayBuffer, which
 * the worker reads in place. Returns null when no worker can be started here.
 *
 * @example
 * const pending = readRangeInWorker(body, 44, 8, splitAt, 600_000);
 * // … read [dataPos, splitAt) here …
 * const part = pending && awaitRange(pending);
 */
export function readRangeInWorker(body: Buffer, delimiter: number, width: number, from: number, capacity: number): PendingRange | null {
  if (!(body.buffer instanceof SharedArrayBuffer)) return null;
  const source = workerSource();
  if (!source) return null;
  const tsx = source.endsWith('.ts') ? tsxRegister() : undefined;
  if (source.endsWith('.ts') && !tsx) return null;
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const job: RangeJob = { bytes: body.buffer, offset: body.byteOffset, length: body.length, delimiter, width, from, capacity, port: port2, done };
  const code = `const { workerData: w } = require('node:worker_threads');
try {
  if (w.tsx) require(w.tsx);
  require(w.source);
} catch (e) {
  w.${JOB}.port.postMessage({ error: String(e) });
  Atomics.store(w.${JOB}.done, 0, 1);
  Atomics.notify(w.${JOB}.done, 0);
}`;
  let worker: Worker;
  try {
    worker = new Worker(code, { eval: true, workerData: { [JOB]: job, tsx, source }, transferList: [port2] });
  } catch {
    return null;
  }
  // The answer comes through shared memory and a port read synchronously: the process need not wait for the thread.
  worker.unref();
  worker.on('error', () => undefined);
  return { from, worker, port: port1, done };
}

/** Blocks until the worker's range is read; null (and the worker stopped) when it failed or took too long. */
export function awaitRange(pending: PendingRange): RangePart | null {
  const deadline = Date.now() + WAIT_MS;
  while (Atomics.load(pending.done, 0) === 0 && Date.now() < deadline) Atomics.wait(pending.done, 0, 0, deadline - Date.now());
  const answer = receiveMessageOnPort(pending.port)?.message as { part?: RangePart; error?: string } | undefined;
  stopRange(pending);
  return answer?.part ?? null;
}

/** Stops the worker (its answer is not needed: an error came first, or the split was wrong). */
export function stopRange(pending: PendingRange): void {
  pending.port.close();
  void pending.worker.terminate();
}
