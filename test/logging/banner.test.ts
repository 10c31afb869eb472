import { logBanner, maskProxyCredentials } from '../../src/logging/banner';
import { createMemoryLog } from '../../src/logging/logger';

const APP = {
  appName: 'IPQS Fraud and Risk Scoring',
  appVersion: '1.0.0',
  appId: '0b7f1d1e-54a4-4c48-9d1c-7a4a7c0e3c11',
  features: ['fileParams', 'redisPasswordSupport'],
  runtimeLevel: 'Playbook',
  minServerVersion: '7.2.0',
};

describe('logBanner', () => {
  it('logs the app identity at INFO', () => {
    const log = createMemoryLog();
    logBanner(log, APP, {});
    expect(log.lines[0]).toMatch(
      / - INFO - event=app-info app-name="IPQS Fraud and Risk Scoring" app-version=1\.0\.0 app-id=0b7f1d1e-54a4-4c48-9d1c-7a4a7c0e3c11 app-features=fileParams,redisPasswordSupport app-runtime-level=Playbook app-minimum-threatconnect-version=7\.2\.0$/,
    );
  });

  it('leaves out the app id and minimum server version when they are not known', () => {
    const log = createMemoryLog();
    logBanner(log, { ...APP, appId: undefined, minServerVersion: undefined }, {});
    expect(log.lines[0]).not.toContain('app-id=');
    expect(log.lines[0]).not.toContain('app-minimum-threatconnect-version=');
  });

  it('logs the node version, platform and pid at INFO', () => {
    const log = createMemoryLog();
    logBanner(log, APP, {});
    expect(log.lines[1]).toContain(` - INFO - event=runtime-info node-version=${process.version} platform=`);
    expect(log.lines[1]).toMatch(new RegExp(` pid=${process.pid}$`));
  });

  it('logs each proxy variable that is set, with its credentials masked', () => {
    const log = createMemoryLog();
    logBanner(log, APP, {
      HTTPS_PROXY: 'http://alice:s3cret@proxy.corp:3128',
      NO_PROXY: 'localhost,127.0.0.1',
      http_proxy: 'http://proxy.corp:3128',
      HTTP_PROXY: '',
    });
    expect(log.lines.slice(2)).toEqual([
      expect.stringMatching(
        /event=proxy-env name=HTTPS_PROXY value=http:\/\/\*\*\*:\*\*\*@proxy\.corp:3128$/,
      ),
      expect.stringMatching(/event=proxy-env name=NO_PROXY value=localhost,127\.0\.0\.1$/),
      expect.stringMatching(/event=proxy-env name=http_proxy value=http:\/\/proxy\.corp:3128$/),
    ]);
    expect(log.lines.join('\n')).not.toContain('s3cret');
  });

  it('logs no proxy lines when no proxy variable is set', () => {
    const log = createMemoryLog();
    logBanner(log, APP, { PATH: '/usr/bin' });
    expect(log.lines).toHaveLength(2);
  });
});

describe('maskProxyCredentials', () => {
  it.each([
    ['http://user:pass@proxy:8080', 'http://***:***@proxy:8080'],
    ['https://user@proxy:8080/', 'https://***:***@proxy:8080/'],
    ['user:pass@proxy:8080', '***:***@proxy:8080'],
    ['http://user:p@ss/w0rd@proxy:8080', 'http://***:***@proxy:8080'],
    ['http://proxy:8080', 'http://proxy:8080'],
    ['localhost,.corp', 'localhost,.corp'],
  ])('masks %s as %s', (value, expected) => {
    expect(maskProxyCredentials(value)).toBe(expected);
  });
});
