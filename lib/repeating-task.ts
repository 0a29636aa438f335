/** Runs `task` every `intervalMs` until stopped, one pass at a time; a failing pass never stops the next. */
export function startRepeatingTask(label: string, intervalMs: number, task: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(task).catch((error: unknown) => console.error(`[${label}] pass failed`, error));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
