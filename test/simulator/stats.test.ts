import { StatsRecorder } from '../../src/simulator/stats';

describe('StatsRecorder', () => {
  it('counts requests per lookup type, answers per status and lookups per failure class', () => {
    const stats = new StatsRecorder();
    stats.arrived('ip', 0);
    stats.arrived('ip', 0);
    stats.arrived('phone', 0);
    stats.arrived(undefined, 0);
    [200, 200, 429].forEach((status) => stats.answered(status));
    stats.answered('reset');
    stats.answered('hang');
    (['rate-limit', 'timeout', 'timeout'] as const).forEach((failure) => stats.failed(failure));
    expect(stats.snapshot()).toEqual({
      requests: {
        total: 4,
        byEndpoint: { ip: 2, email: 0, url: 0, phone: 1 },
        byStatus: { '200': 2, '429': 1, reset: 1, hang: 1 },
        byFailure: { 'rate-limit': 1, timeout: 2 },
      },
      peakPerSecond: 4,
    });
  });

  it('reports the most requests received in any one wall-clock second', () => {
    const stats = new StatsRecorder();
    [1000, 1999, 2000, 2100, 2200, 2999, 3000].forEach((time) => stats.arrived('url', time));
    expect(stats.snapshot().peakPerSecond).toBe(4);
  });

  it('starts from zero after a reset', () => {
    const stats = new StatsRecorder();
    stats.arrived('email', 0);
    stats.answered(200);
    stats.failed('flaky-500');
    stats.reset();
    expect(stats.snapshot()).toEqual({
      requests: { total: 0, byEndpoint: { ip: 0, email: 0, url: 0, phone: 0 }, byStatus: {}, byFailure: {} },
      peakPerSecond: 0,
    });
  });

  it('hands out snapshots that later requests do not change', () => {
    const stats = new StatsRecorder();
    const before = stats.snapshot();
    stats.arrived('ip', 0);
    stats.answered(200);
    expect(before.requests.byEndpoint.ip).toBe(0);
    expect(before.requests.byStatus).toEqual({});
  });
});
