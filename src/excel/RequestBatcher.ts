import { REQUEST_BUDGET_BYTES } from './requestBudget';
import { throwIfCancelled } from './throwIfCancelled';

/**
 * Groups write statements into as few requests as the budget allows: callers announce the
 * estimated size of what they are about to queue, and the batcher syncs first when it would
 * not fit. Every request it sends starts with `suspendApiCalculationUntilNextSync`, so Excel
 * does not recalculate the user's formulas once per chunk.
 */
export class RequestBatcher {
  requests = 0;
  private pending = 0;
  private open = false;
  private steps: string[] = [];
  private readonly context: Excel.RequestContext;
  private readonly signal: AbortSignal | undefined;

  constructor(context: Excel.RequestContext, signal?: AbortSignal) {
    this.context = context;
    this.signal = signal;
  }

  /** Makes room for `bytes` of statements belonging to `step`, syncing the batch so far if needed. */
  async room(bytes: number, step: string): Promise<void> {
    if (this.open && this.pending + bytes > REQUEST_BUDGET_BYTES) await this.flush();
    if (!this.open) {
      this.context.application.suspendApiCalculationUntilNextSync();
      this.open = true;
    }
    if (this.steps[this.steps.length - 1] !== step) this.steps.push(step);
    this.pending += bytes;
  }

  /** Sends what is queued (a read-only sync when nothing was written). */
  async flush(): Promise<void> {
    throwIfCancelled(this.signal, this.steps[0] ?? 'write');
    await this.context.sync();
    this.requests++;
    this.pending = 0;
    this.open = false;
    this.steps = [];
  }

  /** The steps whose statements are in the batch not yet sent, for error messages. */
  pendingSteps(): string {
    return this.steps.length <= 2 ? this.steps.join(', ') : `${this.steps[0]} … ${this.steps[this.steps.length - 1]}`;
  }
}
