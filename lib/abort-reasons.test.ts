import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { writeOutAbortStacks } from './abort-reasons';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Aborts `controller` from a method of a throwaway object, as Next.js aborts a render's signal from an Immediate. */
function abortFromThrowaway(controller: AbortController): WeakRef<object> {
  const throwaway = {
    payload: new Array(1000).fill('render state'),
    end() {
      controller.abort();
    },
  };
  throwaway.end();
  return new WeakRef(throwaway);
}

describe('abort reasons', () => {
  it('keep nothing of the code that aborted, once the abort is written out', async () => {
    writeOutAbortStacks();
    const controller = new AbortController();
    const aborter = abortFromThrowaway(controller);
    await nextTurn();
    gc();
    expect(aborter.deref()).toBeUndefined();
    // The reason is still the standard one, with its stack.
    expect(controller.signal.aborted).toBe(true);
    expect((controller.signal.reason as Error).name).toBe('AbortError');
    expect(String((controller.signal.reason as Error).stack)).toContain('abortFromThrowaway');
  });
});
