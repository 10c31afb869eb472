// Unit tests never reach the network: nock refuses anything but loopback (the simulator, Redis, and local
// test servers), and a test that left an expected IPQS request unmet fails.
import nock from 'nock';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`unmet HTTP expectations: ${pending.join(', ')}`);
});

afterAll(() => {
  nock.enableNetConnect();
  // each test file loads nock afresh, and each load patches the shared http module again: unpatch this one
  nock.restore();
});
