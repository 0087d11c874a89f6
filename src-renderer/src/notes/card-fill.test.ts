import { describe, expect, it } from 'vitest';
import { planFill } from './card-fill';

const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ key: `n${from + i}`, index: from + i }));
const view = (from: number, to: number) => (index: number) => index >= from && index <= to;

describe('planFill', () => {
  it('builds no new card in view outside a fill tick', () => {
    const plan = planFill(items(10, 14), view(10, 14), new Set(), 0);
    expect([...plan.built]).toEqual([]);
    expect(plan.shells).toBe(5);
  });

  it('builds the budget in reading order in a fill tick, keeps what was built', () => {
    const first = planFill(items(10, 14), view(10, 14), new Set(), 2);
    expect([...first.built]).toEqual(['n10', 'n11']);
    const second = planFill(items(10, 14), view(10, 14), first.built, 2);
    expect([...second.built]).toEqual(['n10', 'n11', 'n12', 'n13']);
    expect(second.shells).toBe(1);
  });

  it('always builds cards out of view (pinned, built ahead in idle time)', () => {
    const plan = planFill([...items(3, 3), ...items(10, 12), ...items(13, 13)], view(10, 12), new Set(), 0);
    expect([...plan.built]).toEqual(['n3', 'n13']);
    expect(plan.shells).toBe(3);
  });

  it('a card scrolled out and back in is new again', () => {
    const plan = planFill(items(10, 11), view(10, 11), new Set(['n10']), 0);
    expect([...plan.built]).toEqual(['n10']);
    expect(plan.shells).toBe(1);
  });
});
