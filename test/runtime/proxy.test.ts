import { proxyFor } from '../../src/runtime/proxy';
import { parseTcParams } from '../../src/tc/params';

const tc = (extra: Record<string, unknown>) =>
  parseTcParams({ tc_kvstore_type: 'Mock', tc_playbook_kvstore_context: 'x', ...extra });

describe('proxyFor', () => {
  it('gives the configured proxy only when it is enabled for that kind of call', () => {
    const params = tc({
      tc_proxy_host: 'proxy.local',
      tc_proxy_port: '3128',
      tc_proxy_username: 'u',
      tc_proxy_password: 'p',
    });
    expect(proxyFor(params, true)).toEqual({ host: 'proxy.local', port: 3128, username: 'u', password: 'p' });
    expect(proxyFor(params, false)).toBeUndefined();
  });

  it('gives no proxy without a host or a port', () => {
    expect(proxyFor(tc({ tc_proxy_port: '3128' }), true)).toBeUndefined();
    expect(proxyFor(tc({ tc_proxy_host: 'proxy.local' }), true)).toBeUndefined();
  });
});
