// The unexplained gate and the codes a paste states with its failure: a code the catalogue knows, which the
// topic does not list, says the failure is another one; a code nobody knows says nothing of the kind.
import { describe, expect, it } from 'vitest';
import { scoredFor } from './helpers.js';

const layerStep = (tail: string) => `failed to register layer: re-exec error: exit status 1: output: ProcessUtilityVMImage D:\\docker\\windowsfilter\\416f5b\\UtilityVM: ${tail}`;
const gateOf = (paste: string, topic: string) => scoredFor(paste).get(topic)?.evidence.find((e) => e.rule === 'unexplained');

describe('the unexplained gate and a code stated with the failure', () => {
  it('does not hold a code the catalogue does not know against the topic whose pattern matched the step', () => {
    // 3489661090 is 0xD00000A2: no entry of the catalogue, no message.
    expect(gateOf(layerStep('winapi error #3489661090'), 'layer-import-path-not-found')).toBeUndefined();
  });

  it('still holds a known code of another failure against it', () => {
    const gate = gateOf(layerStep('The paging file is too small for this operation to complete. (0x800705af)'), 'layer-import-path-not-found');
    expect(gate?.signature).toBe('the error is a code this issue does not produce');
  });
});
