/** Every reason the sim can give for refusing a command, and every incident, has a text in both languages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS } from '../../shared/protocol/messages';
import { INCIDENT_TYPES } from '../../shared/sim';

const locales = ['en', 'ko'].map((lang) => ({
  lang,
  texts: JSON.parse(readFileSync(new URL(`../../client/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as {
    reasons: Record<string, string>;
    incidents: Record<string, Record<string, string>>;
  },
}));

describe('sim codes have player texts', () => {
  it.each(locales)('every refusal reason of the sim and the room is explained in $lang', ({ texts }) => {
    const missing = ERROR_REASONS.filter((code) => typeof texts.reasons[code] !== 'string' || texts.reasons[code] === '');
    expect(missing).toEqual([]);
  });

  it.each(locales)('every incident type has a name, feed lines and advice in $lang', ({ texts }) => {
    const missing = INCIDENT_TYPES.filter((type) => ['name', 'started', 'ended', 'advice'].some((key) => !texts.incidents[type]?.[key]));
    expect(missing).toEqual([]);
  });
});
