import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-once.ts'],
    testTimeout: 30_000,
    // End-to-end tests spawn the built CLI; two cores, so keep workers modest.
    maxWorkers: 2,
  },
});
