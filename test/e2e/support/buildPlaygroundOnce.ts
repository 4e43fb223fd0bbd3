import { buildPlayground } from './buildPlayground';

/**
 * Jest globalSetup of the end-to-end suite: builds the playground once and points every test
 * file at it through SK_PLAYGROUND_DIR (each file would otherwise spend 1–2 minutes on its own
 * production build). An SK_PLAYGROUND_DIR set by the caller is kept.
 *
 * @example
 * // test/e2e/jest.config.cjs
 * module.exports = { globalSetup: '<rootDir>/test/e2e/support/buildPlaygroundOnce.ts' };
 */
export default function buildPlaygroundOnce(): void {
  process.env.SK_PLAYGROUND_DIR = buildPlayground();
}
