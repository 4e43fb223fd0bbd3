/** Runs `task` after the calls of the current recalculation step have been queued. */
export type Schedule = (task: () => void) => void;

const nextTick: Schedule = (task) => {
  setTimeout(task, 0);
};

interface Pending<Req, Res> {
  request: Req;
  resolve: (value: Res) => void;
  reject: (reason: unknown) => void;
}

/**
 * Groups the calls made within one tick by key (recipe, model, options) and hands each group
 * to `run` at once: Excel calls a function once per formula, and 5,000 `=SK.SEGMENT(A2:D2)`
 * cells become one model application instead of 5,000.
 *
 * @example
 * const batcher = new Batcher<number[], number>(async (_key, reqs) => reqs.map((r) => r.length));
 * await Promise.all([batcher.call('k', [1]), batcher.call('k', [1, 2])]); // one run: [1, 2]
 */
export class Batcher<Req, Res> {
  private readonly queues = new Map<string, Pending<Req, Res>[]>();
  /** Number of group runs so far (each key of each tick is one). */
  runs = 0;

  constructor(
    private readonly run: (key: string, requests: Req[]) => Promise<Res[]> | Res[],
    private readonly schedule: Schedule = nextTick,
  ) {}

  call(key: string, request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      const first = this.queues.size === 0;
      const queue = this.queues.get(key);
      if (queue) queue.push({ request, resolve, reject });
      else this.queues.set(key, [{ request, resolve, reject }]);
      if (first) this.schedule(() => this.flush());
    });
  }

  private flush(): void {
    const groups = [...this.queues];
    this.queues.clear();
    for (const [key, pending] of groups) {
      this.runs++;
      Promise.resolve()
        .then(() => this.run(key, pending.map((p) => p.request)))
        .then(
          (results) => pending.forEach((p, i) => p.resolve(results[i])),
          (error: unknown) => pending.forEach((p) => p.reject(error)),
        );
    }
  }
}
