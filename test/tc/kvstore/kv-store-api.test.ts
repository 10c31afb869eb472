import nock from 'nock';
import { KvStoreError } from '../../../src/errors';
import { ApiKvStore, quotePathSegment } from '../../../src/tc/kvstore/kv-store-api';
import { createTcApiClient } from '../../../src/tc/tc-api';

const HOST = 'https://tc.example.test';
const TOKEN = 'APIV2:1:2:kv-api-token';
const CONTEXT = '3a9b7c1e-0000-4000-8000-000000000001';
const VARIABLE = '#App:9876:ipqs.score!String';
const ENCODED = '%23App%3A9876%3Aipqs.score%21String';
const PATH = `/api/internal/playbooks/keyValue/${CONTEXT}/${ENCODED}`;

function store(): ApiKvStore {
  return new ApiKvStore(createTcApiClient({ apiPath: `${HOST}/api`, token: TOKEN }), CONTEXT);
}

describe('quotePathSegment', () => {
  it.each<[string, string]>([
    [VARIABLE, ENCODED],
    ['#App:1:a[0]-b_c.d~e!StringArray', '%23App%3A1%3Aa%5B0%5D-b_c.d~e%21StringArray'],
    ["it's (a)*/ \u00e9", 'it%27s%20%28a%29%2A%2F%20%C3%A9'],
  ])("quotes %s like Python's quote(safe='~')", (text, expected) => {
    expect(quotePathSegment(text)).toBe(expected);
  });
});

describe('ApiKvStore', () => {
  it('reads a variable with a signed GET and returns the body as UTF-8 text', async () => {
    nock(HOST).get(PATH).matchHeader('authorization', `TC-Token ${TOKEN}`).reply(200, '"caf\u00e9 \\u00e9"');

    await expect(store().read(VARIABLE)).resolves.toBe('"caf\u00e9 \\u00e9"');
  });

  it.each<[string, number, string]>([
    ['a 404', 404, '{"message": "not found"}'],
    ['an empty body', 200, ''],
  ])('reads %s as null', async (_label, status, body) => {
    nock(HOST).get(PATH).reply(status, body);

    await expect(store().read(VARIABLE)).resolves.toBeNull();
  });

  it('reports another failed read as a KvStoreError naming the key', async () => {
    nock(HOST).get(PATH).reply(500);

    await expect(store().read(VARIABLE)).rejects.toThrow(
      new KvStoreError(
        `KV store: TC API read of ${VARIABLE} failed (TC API GET /internal/playbooks/keyValue/${CONTEXT}/${ENCODED} failed: HTTP 500)`,
      ),
    );
  });

  it('writes each entry with its own octet-stream PUT of the exact stored bytes', async () => {
    const bodies: Record<string, string> = {};
    const scope = nock(HOST)
      .matchHeader('content-type', 'application/octet-stream')
      .matchHeader('authorization', `TC-Token ${TOKEN}`)
      .put(/\/api\/internal\/playbooks\/keyValue\/.+/)
      .times(2)
      .reply(200, function (uri, body) {
        bodies[uri] = typeof body === 'string' ? body : JSON.stringify(body);
        return 'ok';
      });

    await store().write([
      [VARIABLE, '"caf\\u00e9"'],
      ['#App:9876:ipqs.list!StringArray', '["a", null]'],
    ]);

    expect(scope.isDone()).toBe(true);
    expect(bodies).toEqual({
      [PATH]: '"caf\\u00e9"',
      [`/api/internal/playbooks/keyValue/${CONTEXT}/%23App%3A9876%3Aipqs.list%21StringArray`]: '["a", null]',
    });
  });

  it('reports a failed write as a KvStoreError naming the key', async () => {
    nock(HOST).put(PATH).reply(403);

    await expect(store().write([[VARIABLE, '"x"']])).rejects.toThrow(
      `KV store: TC API write of ${VARIABLE} failed (TC API PUT /internal/playbooks/keyValue/${CONTEXT}/${ENCODED} failed: HTTP 403)`,
    );
  });
});
