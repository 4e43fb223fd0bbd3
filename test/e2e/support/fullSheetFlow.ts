import { createTranslator } from '../../../src/taskpane/i18n/createTranslator';
import { launchBrowser, type GuardedPage } from './launchBrowser';

/** A main-thread interval: a long task (PerformanceObserver 'longtask') or a gap between animation frames. */
export interface Interval {
  start: number;
  duration: number;
}

/** Main-thread responsiveness over one phase of the flow. */
export interface PhaseMetrics {
  /** Wall time of the phase in ms. */
  ms: number;
  longestTaskMs: number;
  /** Total blocking time: the sum over long tasks of their time beyond 50 ms. */
  blockingMs: number;
  longestFrameGapMs: number;
  tasksOver200: number;
}

export interface CancelMetrics {
  /** How far into the run (ms after clicking Run) Cancel was clicked. */
  clickedAfterMs: number;
  /** From the click on Cancel to the Models cell leaving its running state. */
  latencyMs: number;
  /** Runs only: from the click on Cancel to the worker giving up the run (it stops between steps); -1 if it never answered. */
  workerStopMs?: number;
  /** The step shown when Cancel was clicked. */
  stepAtClick: string;
  status: string;
  message: string;
}

export interface FlowMetrics {
  rows: number;
  /** Everything from clicking "Read and check" to the write-back report. */
  flow: PhaseMetrics;
  /** Per phase: `preview`, `detect`, `run`, `write`, each with the main thread's worst moments inside it. */
  phases: Record<string, PhaseMetrics>;
  /** User Timing measures the services record (`sk:preview`, `sk:read`, `sk:load`, `sk:run`, …): the first of each name, in ms. */
  measures: Record<string, number>;
  /** Counts the services and adapter report as marks (`sk:chunk` …). */
  marks: Record<string, number>;
  /** Tasks over 200 ms: which phase, how far into it (ms) and how long, to find what blocked. */
  longTasks: { phase: string; atMs: number; ms: number }[];
  /** Every User Timing measure after the workbook was ready, with its start relative to its phase. */
  timeline: { name: string; startMs: number; ms: number }[];
  cancels: CancelMetrics[];
  /** Cancel clicked part-way through a second write-back. */
  writeCancel: CancelMetrics;
  customers: string;
  /** The Orders sheet after the write-back: its header row and its number of rows. */
  written: { headers: unknown[]; rows: number };
  errors: string[];
  blocked: string[];
}

export interface FlowOptions {
  /** Sheet rows including the header; 1,048,576 is a full sheet. */
  rows: number;
  /** When to click Cancel during a second run, as fractions of the first run's duration. */
  cancelAt: number[];
  /** When to click Cancel during a second write-back, as a fraction of the first one's duration. */
  writeCancelAt: number;
  timeoutMs: number;
}

declare global {
  interface Window {
    __skProbe?: { tasks: Interval[]; gaps: Interval[] };
  }
}

/** Runs in the page before its own scripts: records long tasks and frame gaps from the start. */
function installProbe(): void {
  const probe = { tasks: [] as Interval[], gaps: [] as Interval[] };
  window.__skProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const frame = (t: number) => {
    if (last > 0 && t - last > 50) probe.gaps.push({ start: last, duration: t - last });
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function phaseOf(tasks: Interval[], gaps: Interval[], start: number, end: number): PhaseMetrics {
  // By start time: the task that filled the fake workbook ends inside the first phase but is not the taskpane's.
  const inside = (i: Interval) => i.start >= start && i.start < end;
  const t = tasks.filter(inside);
  const g = gaps.filter(inside);
  return {
    ms: end - start,
    longestTaskMs: Math.max(0, ...t.map((x) => x.duration)),
    blockingMs: t.reduce((s, x) => s + Math.max(0, x.duration - 50), 0),
    longestFrameGapMs: Math.max(0, ...g.map((x) => x.duration)),
    tasksOver200: t.filter((x) => x.duration > 200).length,
  };
}

/**
 * Opens the playground with a generated Orders sheet of `rows` rows and does what a user does:
 * read and check the data, switch on RFM, value and lifecycle, run, write back; then runs again
 * and clicks Cancel part-way. Long tasks and animation-frame gaps are recorded in the page.
 *
 * @example
 * const m = await fullSheetFlow(server.url, { rows: 200_000, cancelAt: [0.5], writeCancelAt: 0.5, timeoutMs: 300_000 });
 * m.flow.longestTaskMs;
 */
export async function fullSheetFlow(origin: string, options: FlowOptions): Promise<FlowMetrics> {
  const { t } = createTranslator('en');
  const g: GuardedPage = await launchBrowser(origin);
  const { page } = g;
  const timeout = options.timeoutMs;
  const now = () => page.evaluate(() => performance.now());
  const waitStatus = (cell: string, status: string) => page.waitForSelector(`[data-testid="cell-${cell}"][data-status="${status}"]`, { timeout });
  try {
    // tsx (which runs the benchmarks) compiles with esbuild's keepNames, wrapping functions in
    // __name(); the functions handed to the page need that helper there too.
    await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
    await page.addInitScript(installProbe);
    await page.goto(`${origin}/playground.html?rows=${options.rows}`, { timeout });
    const data = page.getByTestId('cell-data');
    await data.getByRole('button', { name: t('data.detect') }).waitFor({ timeout });
    await page.getByRole('table', { name: t('data.preview', { name: 'Orders' }) }).waitFor({ timeout });
    const ready = await page.evaluate(() => performance.getEntriesByName('playground:workbook-ready')[0]?.startTime ?? 0);
    const previewDone = await now();

    const detectStart = await now();
    await data.getByRole('button', { name: t('data.detect') }).click();
    await waitStatus('data', 'done');
    const detectEnd = await now();

    const models = page.getByTestId('cell-models');
    await models.getByRole('switch', { name: t('model.value') }).check();
    await models.getByRole('switch', { name: t('model.lifecycle') }).check();
    const runStart = await now();
    await models.getByRole('button', { name: t('models.run') }).click();
    await waitStatus('models', 'done');
    const runEnd = await now();
    const customers = /(\d[\d,]*) customers/.exec((await models.textContent()) ?? '')?.[1] ?? '';

    const write = page.getByTestId('cell-write');
    const writeStart = await now();
    await write.getByRole('button', { name: t('write.go') }).click();
    await waitStatus('write', 'done');
    const writeEnd = await now();
    const written = await page.evaluate(() => {
      const wb = (window as unknown as { __skWorkbook: { values(s: string, a: string): unknown[][]; usedAddress(s: string): string } }).__skWorkbook;
      const used = wb.usedAddress('Orders').split('!')[1]!;
      return { headers: wb.values('Orders', used.replace(/\d+$/, '1'))[0]!, rows: Number(used.replace(/^.*?(\d+)$/, '$1')) };
    });

    const cancels: CancelMetrics[] = [];
    for (const fraction of options.cancelAt) {
      cancels.push(await cancelRun(page, { cell: 'models', runLabel: t('models.run'), cancelLabel: t('cell.cancel'), delayMs: fraction * (runEnd - runStart) }, timeout));
      // Let the worker finish the step it was in before the next run starts.
      await models.getByRole('button', { name: t('models.run') }).waitFor({ timeout });
    }

    // The models ran last, so write-back is available again; cancel it part-way.
    await models.getByRole('button', { name: t('models.run') }).click();
    await waitStatus('models', 'done');
    const writeCancel = await cancelRun(page, { cell: 'write', runLabel: t('write.go'), cancelLabel: t('cell.cancel'), delayMs: options.writeCancelAt * (writeEnd - writeStart) }, timeout);

    const probe = await page.evaluate(() => ({
      tasks: window.__skProbe!.tasks,
      gaps: window.__skProbe!.gaps,
      measures: performance.getEntriesByType('measure').map((m) => ({ name: m.name, duration: m.duration, start: m.startTime })),
      marks: performance.getEntriesByType('mark').map((m) => m.name),
    }));
    const measures: Record<string, number> = {};
    for (const m of probe.measures) if (m.start >= ready && measures[m.name] === undefined) measures[m.name] = m.duration;
    const marks: Record<string, number> = {};
    for (const name of probe.marks) marks[name] = (marks[name] ?? 0) + 1;
    const phase = (a: number, b: number) => phaseOf(probe.tasks, probe.gaps, a, b);
    const bounds: [string, number, number][] = [
      ['preview', ready, previewDone],
      ['detect', detectStart, detectEnd],
      ['run', runStart, runEnd],
      ['write', writeStart, writeEnd],
    ];
    const phaseAt = (t: number) => bounds.find(([, a, b]) => t >= a && t < b) ?? ['after', writeEnd, Infinity];
    const longTasks = probe.tasks.filter((x) => x.start >= ready && x.duration > 200).map((x) => ({ phase: phaseAt(x.start)[0], atMs: Math.round(x.start - phaseAt(x.start)[1]), ms: x.duration }));
    const timeline = probe.measures.filter((x) => x.start >= ready).map((x) => ({ name: x.name, startMs: Math.round(x.start - phaseAt(x.start)[1]), ms: Math.round(x.duration) }));
    return {
      rows: options.rows,
      flow: phase(detectStart, writeEnd),
      phases: { preview: phase(ready, previewDone), detect: phase(detectStart, detectEnd), run: phase(runStart, runEnd), write: phase(writeStart, writeEnd) },
      measures,
      marks,
      longTasks,
      timeline,
      cancels,
      writeCancel,
      customers,
      written,
      errors: g.errors,
      blocked: g.blocked,
    };
  } finally {
    await g.browser.close();
  }
}

interface CancelTarget {
  /** `models` (the worker's run) or `write` (the chunked write-back). */
  cell: 'models' | 'write';
  runLabel: string;
  cancelLabel: string;
  delayMs: number;
}

/** Clicks the cell's button, waits `delayMs`, clicks Cancel, and times how long until the cell stops running, all inside the page. */
async function cancelRun(page: GuardedPage['page'], target: CancelTarget, timeout: number): Promise<CancelMetrics> {
  return page.evaluate(
    async ({ target, timeout }) => {
      const { runLabel, cancelLabel, delayMs } = target;
      const cell = document.querySelector<HTMLElement>(`[data-testid="cell-${target.cell}"]`)!;
      const button = (label: string) => [...cell.querySelectorAll('button')].find((b) => b.textContent === label);
      const until = (ok: () => boolean) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`timed out waiting in the Models cell (status ${cell.dataset.status})`)), timeout);
          const check = () => {
            if (!ok()) return;
            clearTimeout(timer);
            observer.disconnect();
            resolve();
          };
          const observer = new MutationObserver(check);
          observer.observe(cell, { attributes: true, childList: true, subtree: true, characterData: true });
          check();
        });
      const t0 = performance.now();
      button(runLabel)!.click();
      await until(() => cell.dataset.status === 'loading' && button(cancelLabel) !== undefined);
      await new Promise((r) => setTimeout(r, Math.max(0, delayMs - (performance.now() - t0))));
      const stepAtClick = cell.querySelector(`[data-testid="${target.cell === 'models' ? 'run' : 'write'}-progress"]`)?.textContent ?? '';
      if (cell.dataset.status !== 'loading') return { clickedAfterMs: performance.now() - t0, latencyMs: 0, stepAtClick: 'finished before the click', status: cell.dataset.status ?? '', message: '' };
      const stops = () => performance.getEntriesByName('sk:cancel-worker');
      const before = stops().length;
      const clicked = performance.now();
      button(cancelLabel)!.click();
      await until(() => cell.dataset.status !== 'loading');
      const latencyMs = performance.now() - clicked;
      const outcome = { clickedAfterMs: clicked - t0, latencyMs, stepAtClick, status: cell.dataset.status ?? '', message: cell.querySelector('[role="alert"]')?.textContent ?? '' };
      if (target.cell === 'write') return outcome;
      // A worker that has not given up a run 30 s after Cancel is reported as never answering (-1).
      const waitUntil = performance.now() + Math.min(timeout, 30_000);
      while (stops().length === before && performance.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
      const workerStopMs = stops().length > before ? stops()[stops().length - 1]!.duration : -1;
      return { ...outcome, workerStopMs };
    },
    { target, timeout },
  );
}
