import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/core/check/checks/index.js';
import { evaluateHost, evaluateHostSteps } from '../../../src/core/check/evaluate.js';
import { readCheckInput } from '../../../src/core/check/read-input.js';
import { fixture, fixtureFiles } from './fixtures.js';

describe('evaluateHostSteps', () => {
  it.each(fixtureFiles('hosts'))('%s: yields one finding per check, in order, and returns the same report as evaluateHost', (file) => {
    const input = readCheckInput(fixture(file));
    if (!input.ok) throw new Error(input.error.message);
    const doc = input.value.docs[0]!;
    const steps = evaluateHostSteps(doc);
    const yielded = [];
    let r = steps.next();
    for (; !r.done; r = steps.next()) yielded.push(r.value);
    expect(yielded.map((f) => f.check)).toEqual(CHECKS.map((c) => c.id));
    expect(r.value).toEqual(evaluateHost(doc));
    expect(r.value.findings).toEqual(yielded);
  });
});
