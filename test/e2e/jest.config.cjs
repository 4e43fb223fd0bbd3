/** End-to-end tests: the built playground in Debian's chromium. Run with `jest --config test/e2e/jest.config.cjs`. */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }] },
  reporters: ['default', '<rootDir>/test/support/summaryReporter.cjs'],
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  globalSetup: '<rootDir>/test/e2e/support/buildPlaygroundOnce.ts',
  // The production webpack build alone takes 1–2 minutes on a shared 2-core machine.
  testTimeout: 600000,
  maxWorkers: 1,
};
