// runhcs-shim-crash-process-isolation: "failed to create shim task: ttrpc: closed" is any shim's that died at create, on
// every platform. A regression tester found a bare Linux paste of it answered "high"; the topic now needs a mark of
// Windows containers, and only a paste that shows them gets more than a lead.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
const TOPIC = 'runhcs-shim-crash-process-isolation';
const LINE = 'docker: Error response from daemon: failed to create task for container: failed to create shim task: ttrpc: closed.';
const of = (paste: string) => diagnose(kb, paste).matches.find((m) => m.id === TOPIC);

describe('the runhcs shim crash needs Windows containers in the paste', () => {
  it('is no more than a lead for the bare message, and none for a Linux host', () => {
    expect(['low', undefined]).toContain(of(LINE)?.confidence);
    expect(of(`$ docker run --rm nginx:alpine\n${LINE}\n$ uname -a\nLinux build01 6.8.0-45-generic x86_64 GNU/Linux`)?.confidence ?? 'none').not.toMatch(/high|medium/);
  });
  it('is the answer when the paste shows a process-isolated Windows container', () => {
    const m = of(`PS C:\\> docker run --rm --isolation process mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd /c echo hi\n${LINE}`);
    expect(m).toBeDefined();
    expect(m?.confidence).not.toBe('low');
  });
});
