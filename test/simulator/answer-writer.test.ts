// How the simulator waits out a latency: never answering before it is due.
import { nextWait } from '../../src/simulator/answer-writer';

describe('nextWait', () => {
  it('is due at the due time and after it', () => {
    expect(nextWait(100, 100)).toBe('due');
    expect(nextWait(100, 100.4)).toBe('due');
  });

  it('sets a timer for the whole milliseconds left', () => {
    expect(nextWait(125, 100)).toBe(25);
    expect(nextWait(125.9, 100)).toBe(25);
    expect(nextWait(101, 100)).toBe(1);
  });

  it('yields to the event loop when less than a millisecond is left, rather than sleeping a whole one', () => {
    // a timer that fired early (Node starts timers from the loop's cached clock) leaves a fraction
    expect(nextWait(125, 124.3)).toBe('yield');
    expect(nextWait(125, 124.999)).toBe('yield');
  });
});
