import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Real engine, real qemu: arm64 steps are 5-10x slower.
          testTimeout: 15 * 60_000,
          hookTimeout: 30 * 60_000,
          // Two cores: integration files share one engine; run them one at a time.
          fileParallelism: false,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
