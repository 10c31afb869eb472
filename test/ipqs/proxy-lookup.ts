// One IPQS lookup through an HTTP proxy, run by client.test.ts in a child process: nock cannot carry a
// forward-proxy request (its path is an absolute URL), and a child process has no nock at all.
// Usage: proxy-lookup.ts <proxy port> <base url>; the API key comes from IPQS_TEST_KEY.
import { createIpqsClient } from '../../src/ipqs/client';

const [port, baseUrl] = process.argv.slice(2);
const client = createIpqsClient({
  apiKey: process.env.IPQS_TEST_KEY ?? '',
  baseUrl,
  maxRetries: 0,
  proxy: { host: '127.0.0.1', port: Number(port), username: 'proxy-user', password: 'proxy-pass' },
});

client
  .lookup({ lookup: 'ip', value: '8.8.8.8', params: { strictness: '1' } })
  .then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: unknown) => {
      process.stdout.write(JSON.stringify({ error: String(error) }));
      process.exitCode = 1;
    },
  )
  .finally(() => client.close());
