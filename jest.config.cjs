// Jest runs TypeScript through SWC (type-checking is `npm run typecheck`'s job).
const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  // At least two workers, even on a two-core machine (Jest's default would then run everything in
  // one process): the emulated organisations are large, and a worker that has grown past the
  // memory limit is replaced after its test file, so garbage collection never slows the suite down.
  maxWorkers: Math.max(2, os.availableParallelism ? os.availableParallelism() : os.cpus().length),
  workerIdleMemoryLimit: '700MB',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/emulator', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2021' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(libphonenumber-js|@noble/hashes)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Skipped tests are named at the end of the run, with the reason their title gives.
  reporters: ['default', '<rootDir>/test/skipped-reporter.cjs'],
};
