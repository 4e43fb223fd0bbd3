import { parentPort, workerData } from 'node:worker_threads';
import { runPoolTasks, type PoolWorkerData } from './kmeansPoolTask';

// A worker thread of kmeansWorkers' pool (started from the cached bundle, or through tsx when there
// is none): it claims tasks until none is left, and results travel back with their arrays
// transferred, not copied.
if (parentPort) {
  const port = parentPort;
  runPoolTasks(workerData as PoolWorkerData, (i, result, transfer) => port.postMessage({ i, result }, transfer));
  port.postMessage({ done: true });
}
