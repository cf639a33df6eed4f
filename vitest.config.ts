import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Spawned bots and CLIs run the compiled dist/ (as in production): built fresh before any test.
    globalSetup: ['tests/global-setup.ts'],
    // The Discord end-to-end tests open sockets; keep runs within a 2-core machine.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
