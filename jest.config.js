/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // nock's interceptor lives on the global scope across test files; jest's soft cleanup only warns about it
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/setup/nock.ts'],
  testTimeout: 30000,
};
