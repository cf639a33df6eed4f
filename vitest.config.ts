import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The Discord end-to-end tests open sockets; keep runs within a 2-core machine.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
