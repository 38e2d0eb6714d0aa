/**
 * The worker thread that checks a large facts file for the app (startFactsFileCheck in facts-file.ts): reading,
 * decoding, parsing and evaluating a fleet of thousands of hosts takes seconds, during which the app's own thread keeps
 * drawing the screen and reading keys (Esc terminates this worker). Built to dist/esm/check-worker.mjs by
 * scripts/build.mjs; as the entry of its thread, it starts its work when loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runFactsFileWorker, type FactsWorkerData, type FactsWorkerMessage } from './facts-file.js';

const port = parentPort;
if (port) {
  const { source, taken } = workerData as FactsWorkerData;
  runFactsFileWorker(source, (message: FactsWorkerMessage) => port.postMessage(message), { taken: new Int32Array(taken) });
}
