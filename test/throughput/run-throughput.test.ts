// Where a run keeps its cache and rate limit: the KV store's Redis (cache db tc_cache_kvstore_id) when it has
// one, memory otherwise, and memory (with a warning) when that Redis cannot be opened.
import { createMemoryLog } from '../../src/logging/logger';
import { openRunThroughput } from '../../src/throughput/run-throughput';
import { parseAppParams, parseTcParams } from '../../src/tc/params';
import { redisHostPort } from '../helpers/redis';

const app = (extra: Record<string, unknown> = {}) =>
  parseAppParams({ ipqs_api_key: 'throughput-test-key', indicators: '8.8.8.8', ...extra });

function tc(extra: Record<string, unknown>) {
  const { host, port } = redisHostPort();
  return parseTcParams({
    tc_kvstore_type: 'Redis',
    tc_kvstore_host: host,
    tc_kvstore_port: port,
    tc_playbook_kvstore_context: 'ctx',
    ...extra,
  });
}

describe('openRunThroughput', () => {
  it('shares the cache and the limit through the KV store Redis', async () => {
    const log = createMemoryLog();
    const throughput = await openRunThroughput(app({ max_requests_per_second: '5' }), tc({}), log);
    expect(throughput.shared).toBe(true);
    await throughput.rateLimit.acquire();
    await throughput.close();
    expect(log.lines.join('\n')).toContain('shared=true');
  });

  it('keeps them in memory for the embedded Mock store', async () => {
    const throughput = await openRunThroughput(
      app(),
      parseTcParams({ tc_kvstore_type: 'Mock' }),
      createMemoryLog(),
    );
    expect(throughput.shared).toBe(false);
    await throughput.close();
  });

  it('opens no Redis connection when both are off', async () => {
    const log = createMemoryLog();
    const throughput = await openRunThroughput(
      app({ cache_ttl_minutes: '0' }),
      tc({ tc_kvstore_port: 1 }),
      log,
    );
    expect(throughput.shared).toBe(false);
    expect(log.lines.join('\n')).not.toContain('cache-redis-unavailable');
    await throughput.close();
  });

  it('falls back to memory with a warning when the cache Redis cannot be opened', async () => {
    const log = createMemoryLog();
    const throughput = await openRunThroughput(app(), tc({ tc_kvstore_port: 1 }), log);
    expect(throughput.shared).toBe(false);
    expect(log.lines.join('\n')).toMatch(/event=cache-redis-unavailable .*fallback=memory/);
    await throughput.close();
  });
});
