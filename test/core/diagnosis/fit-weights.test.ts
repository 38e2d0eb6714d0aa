import { describe, expect, it } from 'vitest';
import { cutForPrecision, fitLogistic, predict } from '../../../src/core/diagnosis/fit-weights.js';

describe('fitLogistic', () => {
  it('learns which feature separates right from wrong candidates', () => {
    // Feature 0 decides; feature 1 is noise.
    const rows = Array.from({ length: 200 }, (_, i) => {
      const right = i % 2 === 0;
      return { x: [right ? 2 + (i % 5) / 5 : (i % 5) / 5, (i * 7) % 3], y: (right ? 1 : 0) as 0 | 1 };
    });
    const fit = fitLogistic(rows, { iterations: 1500 });
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(Math.abs(fit.weights[0]!) / 4);
    expect(predict(fit, [2.5, 0])).toBeGreaterThan(0.9);
    expect(predict(fit, [0.2, 0])).toBeLessThan(0.1);
    expect(fit.loss).toBeLessThan(0.2);
  });

  it('keeps sign constraints: a weight held ≥ 0 stops at zero', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ x: [i % 2, (i + 1) % 2], y: (i % 2) as 0 | 1 }));
    const fit = fitLogistic(rows, { signs: [0, 1], iterations: 800 });
    expect(fit.weights[1]).toBe(0);
    expect(fit.weights[0]).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const rows = [{ x: [1, 0], y: 1 as const }, { x: [0, 1], y: 0 as const }];
    expect(fitLogistic(rows, { iterations: 100 })).toEqual(fitLogistic(rows, { iterations: 100 }));
  });
});

describe('cutForPrecision', () => {
  it('finds the lowest probability whose rows above are precise enough', () => {
    const scored = [0.99, 0.98, 0.97, 0.96, 0.95, 0.9, 0.8, 0.7].map((p, i) => ({ p, right: i !== 6 }));
    expect(cutForPrecision(scored, 0.95)).toBe(0.9);
    expect(cutForPrecision(scored, 0.8)).toBe(0.7);
    expect(cutForPrecision(scored, 1, 10)).toBeUndefined();
  });
});
