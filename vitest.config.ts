import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 60_000,
          // its own group: vitest wants one worker count per group
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Real engine, real qemu: arm64 steps are 5-10x slower.
          testTimeout: 15 * 60_000,
          hookTimeout: 30 * 60_000,
          // Two files at a time: most of a file's time is waiting on an engine
          // (builds, qemu, containers, the registry), and the files share no
          // state (run-unique repositories and tags, containers found by the
          // child's pid). BUILD_CONNECTOR_TEST_WORKERS=1 runs them one by one.
          fileParallelism: true,
          maxWorkers: Number(process.env.BUILD_CONNECTOR_TEST_WORKERS ?? 2),
          sequence: { groupOrder: 1 },
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        test: {
          // Tests that change machine-wide state (binfmt_misc): one file at a
          // time, after every integration file has finished.
          name: 'exclusive',
          include: ['test/exclusive/**/*.test.ts'],
          testTimeout: 5 * 60_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
