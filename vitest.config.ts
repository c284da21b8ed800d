import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/sim/**/*.test.{ts,tsx}', 'test/ui/**/*.test.{ts,tsx}'],
          environment: 'node',
          env: { FORCE_COLOR: '0', NO_COLOR: '1' },
          testTimeout: 30000,
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/cluster/global-setup.ts'],
          testTimeout: 120000,
          hookTimeout: 300000,
          fileParallelism: false,
          env: { FORCE_COLOR: '0', NO_COLOR: '1' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120000,
          fileParallelism: false,
        },
      },
    ],
  },
});
