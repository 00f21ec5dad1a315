import { describe, expect, it } from 'vitest';
import { timeRangeProblems } from './time';

describe('timeRangeProblems', () => {
  it.each([
    ['08:00', '12:00', []],
    ['8:00', '12:00', [{ part: 'from', problem: 'time' }]],
    ['08:00', '24:00', [{ part: 'to', problem: 'time' }]],
    [
      '',
      '',
      [
        { part: 'from', problem: 'time' },
        { part: 'to', problem: 'time' },
      ],
    ],
    ['12:00', '12:00', [{ part: 'to', problem: 'order' }]],
    ['13:30', '09:00', [{ part: 'to', problem: 'order' }]],
  ])('%s–%s', (from, to, problems) => {
    expect(timeRangeProblems(from, to)).toEqual(problems);
  });
});
