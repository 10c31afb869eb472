import { createHmac } from 'node:crypto';
import nock from 'nock';
import { VariableError } from '../../../src/errors';
import { SecretRegistry } from '../../../src/logging/secrets';
import { resolveTcVariable } from '../../../src/tc/playbook/tc-variable';
import { createTcApiClient } from '../../../src/tc/tc-api';

const HOST = 'https://tc.example.test';
const TOKEN = 'APIV2:1:2:variable-token';
const tcApi = createTcApiClient({ apiPath: `${HOST}/api`, token: TOKEN });

describe('resolveTcVariable', () => {
  it('fetches a KEYCHAIN value with the TC token and registers it as a secret', async () => {
    nock(HOST)
      .get('/api/internal/variable/runtime/TC/ipqs_api_key')
      .matchHeader('authorization', `TC-Token ${TOKEN}`)
      .reply(200, { data: 'ipqs-secret-value' });
    const secrets = new SecretRegistry();

    const value = await resolveTcVariable('&{TC:KEYCHAIN:ipqs_api_key}', tcApi, secrets);

    expect(value).toBe('ipqs-secret-value');
    expect(secrets.redact('key=ipqs-secret-value')).toBe('key=***');
  });

  it('signs the request with HMAC when only an access id and secret key are given', async () => {
    const accessId = 'access-id-1';
    const secretKey = 'hmac-secret-key-0123456789';
    const seen = { authorization: '', timestamp: '' };
    nock(HOST)
      .get('/api/internal/variable/runtime/Vault/shared.text')
      .reply(function () {
        seen.authorization = String(this.req.headers.authorization);
        seen.timestamp = String(this.req.headers.timestamp);
        return [200, { data: 'plain text' }];
      });
    const hmacApi = createTcApiClient({ apiPath: `${HOST}/api`, accessId, secretKey });

    const value = await resolveTcVariable('&{Vault:TEXT:shared.text}', hmacApi, new SecretRegistry());

    const message = `/api/internal/variable/runtime/Vault/shared.text:GET:${seen.timestamp}`;
    expect(value).toBe('plain text');
    expect(seen.authorization).toBe(
      `TC ${accessId}:${createHmac('sha256', secretKey).update(message).digest('base64')}`,
    );
  });

  it('returns a TEXT value without registering it as a secret', async () => {
    nock(HOST).get('/api/internal/variable/runtime/TC/note').reply(200, { data: 'just a note' });
    const secrets = new SecretRegistry();

    await expect(resolveTcVariable('&{TC:TEXT:note}', tcApi, secrets)).resolves.toBe('just a note');
    expect(secrets.size).toBe(0);
  });

  it('base64-decodes a FILE value into bytes', async () => {
    nock(HOST)
      .get('/api/internal/variable/runtime/TC/cert.pem')
      .reply(200, { data: Buffer.from([0, 1, 254, 255]).toString('base64') });

    const value = await resolveTcVariable(
      { text: '&{TC:FILE:cert.pem}', provider: 'TC', type: 'FILE', key: 'cert.pem' },
      tcApi,
      new SecretRegistry(),
    );

    expect(value).toEqual(Buffer.from([0, 1, 254, 255]));
  });

  it.each<[string, () => nock.Scope, string]>([
    [
      'a 404',
      () => nock(HOST).get('/api/internal/variable/runtime/TC/x').reply(404),
      'Could not retrieve variable: provider=TC, key=x, type=KEYCHAIN (HTTP 404)',
    ],
    [
      'a body without data',
      () => nock(HOST).get('/api/internal/variable/runtime/TC/x').reply(200, { value: 'v' }),
      'Could not retrieve variable: provider=TC, key=x, type=KEYCHAIN (response has no "data" string)',
    ],
  ])('reports %s as a VariableError', async (_label, mock, message) => {
    mock();

    await expect(resolveTcVariable('&{TC:KEYCHAIN:x}', tcApi, new SecretRegistry())).rejects.toThrow(
      new VariableError(message),
    );
  });

  it('reports a missing TC API without sending anything', async () => {
    await expect(resolveTcVariable('&{TC:KEYCHAIN:x}', undefined, new SecretRegistry())).rejects.toThrow(
      new VariableError(
        'Could not retrieve variable: provider=TC, key=x, type=KEYCHAIN (no TC API credentials)',
      ),
    );
  });

  it('rejects text that is not a TC variable', async () => {
    await expect(resolveTcVariable('&{TC:OTHER:x}', tcApi, new SecretRegistry())).rejects.toThrow(
      new VariableError('Could not parse TC variable: &{TC:OTHER:x}'),
    );
  });
});
