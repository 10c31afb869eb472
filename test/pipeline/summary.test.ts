import { MESSAGE_TC_MAX_LENGTH } from '../../src/tc/exit';
import { batchMessage } from '../../src/pipeline/summary';
import type { BatchSummary } from '../../src/pipeline/summary';

const summary = (overrides: Partial<BatchSummary>): BatchSummary => ({
  total: 3,
  enriched: 3,
  failed: 0,
  highRisk: 0,
  firstError: undefined,
  stoppedBy: undefined,
  ...overrides,
});

describe('batchMessage', () => {
  it.each<[string, Partial<BatchSummary>, string]>([
    [
      'one indicator in the singular',
      { total: 1, enriched: 1 },
      'IPQS: 1 indicator, 1 enriched, 0 failed, 0 high risk',
    ],
    [
      'no indicators in the plural',
      { total: 0, enriched: 0 },
      'IPQS: 0 indicators, 0 enriched, 0 failed, 0 high risk',
    ],
    [
      'high-risk results',
      { total: 2, enriched: 2, highRisk: 2 },
      'IPQS: 2 indicators, 2 enriched, 0 failed, 2 high risk',
    ],
    [
      'a failure, naming the first error',
      { total: 3, enriched: 2, failed: 1, highRisk: 1, firstError: '10.0.0.300: not an IP address' },
      'IPQS: 3 indicators, 2 enriched, 1 failed, 1 high risk. First error: 10.0.0.300: not an IP address',
    ],
  ])('summarizes %s', (_label, overrides, message) => {
    expect(batchMessage(summary(overrides))).toBe(message);
  });

  it('leads with the error that stopped the run, and leaves out the first error', () => {
    const stoppedBy = 'IPQS ip lookup failed: invalid API key (Invalid or unauthorized key.)';
    expect(
      batchMessage(summary({ enriched: 1, failed: 2, firstError: `8.8.8.8: ${stoppedBy}`, stoppedBy })),
    ).toBe(`IPQS: run stopped: ${stoppedBy}. 3 indicators, 1 enriched, 2 failed, 0 high risk`);
  });

  // message.tc keeps only the last 255 characters (newline included), so the start must fit
  it('cuts a long first error so the whole message fits message.tc', () => {
    const url = `https://example.com/${'a'.repeat(2000)}`;
    const message = batchMessage(
      summary({ enriched: 2, failed: 1, firstError: `${url}: IPQS url lookup failed: x` }),
    );
    expect(message).toHaveLength(MESSAGE_TC_MAX_LENGTH - 1);
    expect(message).toMatch(
      /^IPQS: 3 indicators, 2 enriched, 1 failed, 0 high risk\. First error: https:\/\/example\.com\/a+\.\.\.$/,
    );
  });

  it('cuts a long stopping error and keeps the counts', () => {
    const stoppedBy = `IPQS ip lookup failed: invalid API key (${'x'.repeat(300)})`;
    const message = batchMessage(summary({ enriched: 0, failed: 3, stoppedBy }));
    expect(message).toHaveLength(MESSAGE_TC_MAX_LENGTH - 1);
    expect(message).toMatch(
      /^IPQS: run stopped: IPQS ip lookup failed: invalid API key \(x+\.\.\.\. 3 indicators, 0 enriched, 3 failed, 0 high risk$/,
    );
  });

  it('leaves a message that fits exactly as it is', () => {
    const head = 'IPQS: 3 indicators, 2 enriched, 1 failed, 0 high risk. First error: ';
    const firstError = 'e'.repeat(MESSAGE_TC_MAX_LENGTH - 1 - head.length);
    expect(batchMessage(summary({ enriched: 2, failed: 1, firstError }))).toBe(`${head}${firstError}`);
  });
});
