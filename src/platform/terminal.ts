import { createInterface } from 'node:readline';

/**
 * Asks one question on the terminal and resolves with the typed line (trimmed). Ctrl+C or end of input
 * resolves with an empty answer, which every caller treats as No.
 */
export function askLine(question: string, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output, terminal: true });
    let answered = false;
    const finish = (answer: string) => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(answer.trim());
    };
    rl.on('SIGINT', () => {
      output.write('\n');
      finish('');
    });
    rl.on('close', () => finish(''));
    rl.question(question, finish);
  });
}

/**
 * Routes Ctrl+C (SIGINT), SIGTERM and SIGHUP to a handler instead of ending wcdoctor, until the returned function is called.
 * Used while a fix runs: Ctrl+C then cancels the child, not wcdoctor.
 */
export function trapInterrupt(onInterrupt: () => void): () => void {
  const handler = () => onInterrupt();
  // A closed terminal (SIGHUP) or a request to end (SIGTERM) cancels the run too: without a handler Node ended at
  // once, leaving the child running and its run out of the audit log.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}
