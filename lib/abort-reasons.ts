/**
 * Writes out the stack of every abort reason as the abort happens.
 *
 * V8 keeps an error's stack as frames (each with its `this`) until the stack is first read.
 * Next.js aborts each render's cache signal when the render ends, from inside a
 * setImmediate callback, and the reason's frames keep that Immediate; on Node 20 an
 * Immediate that has run still links to the others of its batch, which hold other renders'
 * contexts, whose abort reasons hold later batches, and so on. Anything long-lived that
 * holds one render (a promise a module made on first load, in the request that loaded it)
 * then holds every render after it: measured, 3–4 MB more each second of mixed load, for
 * as long as the server ran. Read once, the stack is text and keeps nothing.
 */
export function writeOutAbortStacks(): void {
  const abort = AbortController.prototype.abort;
  if ((abort as { writesOutStack?: boolean }).writesOutStack) return;
  const writingOut = function (this: AbortController, reason?: unknown) {
    abort.call(this, reason);
    const settled: unknown = this.signal.reason;
    if (typeof settled === 'object' && settled !== null && 'stack' in settled) void settled.stack;
  };
  AbortController.prototype.abort = Object.assign(writingOut, { writesOutStack: true });
}
