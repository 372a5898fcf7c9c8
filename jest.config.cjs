// Jest runs TypeScript through SWC (type-checking is `npm run typecheck`'s job).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2021' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(libphonenumber-js|@noble/hashes)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Skipped tests are named at the end of the run, with the reason their title gives.
  reporters: ['default', '<rootDir>/test/skipped-reporter.cjs'],
};
