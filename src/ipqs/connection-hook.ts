/**
 * An axios `transport` that tells when a request gets its connection. A lookup can wait for a free
 * connection (the agent's `maxSockets`), so that moment, not the call, is when the request really goes
 * out: its deadline starts there, and a request that waited while the run hit a fatal error is dropped
 * there, before a byte of it is written.
 */
import http from 'node:http';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import https from 'node:https';

/** The part of node's http module axios calls on a `transport`. */
export interface HookedTransport {
  request(options: RequestOptions, callback?: (res: IncomingMessage) => void): ClientRequest;
}

/** node's http or https, picked from the protocol as axios picks them, calling `onConnection` on the socket event. */
export function hookedTransport(onConnection: (req: ClientRequest) => void): HookedTransport {
  return {
    request(options, callback) {
      const transport = /https:?/.test(options.protocol ?? '') ? https : http;
      const req = transport.request(options, callback);
      // node emits 'socket' before it flushes the request to it: destroying it here sends nothing
      req.once('socket', () => onConnection(req));
      return req;
    },
  };
}
