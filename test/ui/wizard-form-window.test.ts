// Issue 17, defect 5: the wizard's values form scrolls when it is taller than the screen.
import { describe, expect, it } from 'vitest';
import { formWindow } from '../../src/ui/screens/network/WizardForm.js';

describe('formWindow', () => {
  it.each([
    ['all fit', [1, 1, 1], 0, 5, { start: 0, end: 3 }],
    ['focus at the top of a tall form', [1, 1, 1, 1, 1, 1, 1, 1], 0, 5, { start: 0, end: 3 }],
    ['focus at the bottom', [1, 1, 1, 1, 1, 1, 1, 1], 7, 5, { start: 5, end: 8 }],
    ['a row with two problems under it', [1, 3, 1, 1, 1], 1, 6, { start: 1, end: 3 }],
    ['a row taller than the room still shows', [1, 9, 1], 1, 4, { start: 1, end: 2 }],
  ])('%s', (_, heights, focus, room, expected) => {
    const w = formWindow(heights, focus, room);
    expect(w).toEqual(expected);
    expect(focus >= w.start && focus < w.end).toBe(true);
  });
});
