/**
 * Tests that need an outside service (PostgreSQL, Redis) take its URL from an environment
 * variable. Locally a missing service skips those tests with one line saying how to enable
 * them; in CI (CI=true, set by .ci/run) it is an error, so a broken setup cannot pass green.
 */

/**
 * The URL in `envVar`; when it is unset, throws if `process.env.CI === 'true'`, else prints
 * `howToEnable` as one console.warn line and returns undefined, for
 * `describe.skipIf(url === undefined)`.
 * @param howToEnable the whole line, e.g. 'PostgreSQL store tests skipped: set TEST_DATABASE_URL=… (bash .ci/run starts one)'
 */
export function serviceUrl(envVar: string, howToEnable: string): string | undefined {
  const url = process.env[envVar];
  if (url !== undefined && url !== '') return url;
  if (process.env.CI === 'true') {
    throw new Error(`${envVar} is not set, but CI=true: the service it points to is required in CI (bash .ci/run starts it)`);
  }
  console.warn(howToEnable);
  return undefined;
}
