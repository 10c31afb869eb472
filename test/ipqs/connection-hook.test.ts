import http from 'node:http';
import type { ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hookedTransport } from '../../src/ipqs/connection-hook';

let server: http.Server;
let received: string[];
let port: number;

beforeEach(async () => {
  received = [];
  server = http.createServer((req, res) => {
    received.push(req.url ?? '');
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends GET `path` through the transport; resolves with the answer's body or the request's error. */
function get(onConnection: (req: ClientRequest) => void, path: string): Promise<string | Error> {
  return new Promise((resolve) => {
    const options = { protocol: 'http:', hostname: '127.0.0.1', port, path, method: 'GET' };
    const req = hookedTransport(onConnection).request(options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', resolve);
    req.end();
  });
}

describe('hookedTransport', () => {
  it('hands each request to onConnection once it has its connection, then sends it', async () => {
    const seen: string[] = [];

    const body = await get((req) => seen.push(req.path), '/api/json/ip?ip=8.8.8.8');

    expect(body).toBe('ok');
    expect(seen).toEqual(['/api/json/ip?ip=8.8.8.8']);
    expect(received).toEqual(['/api/json/ip?ip=8.8.8.8']);
  });

  it('sends nothing when onConnection destroys the request', async () => {
    const stop = new Error('a fatal error came in while the request waited');

    const result = await get((req) => req.destroy(stop), '/api/json/ip?ip=1.1.1.1');

    expect(result).toBe(stop);
    expect(received).toEqual([]);
  });
});
