/**
 * A replay file is checked before anything re-runs it: the server's own answer (the compact form)
 * and a file saved in the full form before it open, anything else is refused with the reason the
 * player is told (not JSON, not a replay, damaged, from a newer game, too large, unreadable); and
 * `/replay/<id>` addresses are recognised like join links.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REPLAY_BYTES, parseReplayText, readReplayFile } from '../../client/replay/replayFile';
import { replayIdFromPath, replayLink } from '../../client/replay/viewer';
import { encodeReplay } from '../../shared/replay/compact';
import { readReplay as parseReplay } from '../../shared/replay/readReplay';
import { chapterReplay } from './replayFixture';

const doc = chapterReplay();
/** As GET /api/replays/:id answered before the compact form: the document and the store's own fields. */
const served = { ...doc, roomId: 'ABC123', createdAt: '2026-01-01T00:00:00.000Z' };

describe('a replay file', () => {
  it("opens the server's compact answer, and a file saved in the full form, as the document they hold", () => {
    for (const text of [JSON.stringify(encodeReplay(doc)), JSON.stringify(served)]) {
      const parsed = parseReplayText(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.replay).toEqual(doc);
      expect(Object.keys(parsed.replay)).not.toContain('roomId');
    }
  });

  it('names a replay without an id by the fallback, and an older one without a version as null', () => {
    const { id: _id, version: _version, ...bare } = doc;
    const parsed = parseReplay(bare, 'dropped');
    expect(parsed.ok && parsed.replay.id).toBe('dropped');
    expect(parsed.ok && parsed.replay.version).toBe(null);
  });

  it('refuses a compact file cut short or changed as damaged, and one from a newer game as such', () => {
    const text = JSON.stringify(encodeReplay(doc));
    expect(parseReplayText(text.slice(0, Math.floor(text.length / 2)))).toMatchObject({ ok: false, error: 'notJson' });
    const compact = encodeReplay(doc);
    const changed = { ...compact, log: compact.log.map((row, i) => (i === 1 ? [row[0], 0, 99, ...row.slice(3)] : row)) };
    expect(parseReplayText(JSON.stringify(changed))).toMatchObject({
      ok: false,
      error: 'damaged',
      detail: expect.stringContaining('log.1.2'),
    });
    expect(parseReplayText(JSON.stringify({ ...compact, format: 9 }))).toMatchObject({ ok: false, error: 'newerFormat' });
  });

  it('refuses what is not JSON, and JSON that is not a replay, saying which', () => {
    expect(parseReplayText('{"scenario": ')).toMatchObject({ ok: false, error: 'notJson' });
    expect(parseReplayText('')).toMatchObject({ ok: false, error: 'notJson' });
    // A stored result, a command log line, an empty object: JSON, but no replay.
    for (const other of [{ id: 'x', createdAt: '', result: {} }, doc.log[0], {}, [], 42, null]) {
      expect(parseReplay(other)).toMatchObject({ ok: false, error: 'notReplay' });
    }
  });

  it('refuses a replay whose parts are wrong, naming the part for the curious', () => {
    const cases: Array<[string, unknown]> = [
      ['log', { ...doc, log: [{ ...doc.log[0], command: { type: 'summon', kind: 'dragon' } }] }],
      ['teams', { ...doc, teams: [] }],
      ['teams', { ...doc, teams: ['solo', 'solo'] }],
      ['finalTick', { ...doc, finalTick: -1 }],
      ['finalTick', { ...doc, finalTick: 31 * 1440 }],
      ['scenario', { ...doc, scenario: { ...doc.scenario, regions: [] } }],
      ['seed', { ...doc, seed: 'seven' }],
      ['finalHashes', { ...doc, finalHashes: { solo: 7 } }],
    ];
    for (const [part, data] of cases) {
      const parsed = parseReplay(data);
      expect(parsed.ok, part).toBe(false);
      if (!parsed.ok) expect(parsed.detail, part).toContain(part);
    }
  });

  it('does not read a file too large to be a replay, and reports one that cannot be read', async () => {
    let read = false;
    const huge = {
      size: MAX_REPLAY_BYTES + 1,
      text: async () => {
        read = true;
        return '';
      },
    };
    expect(await readReplayFile(huge)).toMatchObject({ ok: false, error: 'tooLarge' });
    expect(read).toBe(false);
    const broken = { size: 10, text: () => Promise.reject(new Error('gone')) };
    expect(await readReplayFile(broken)).toMatchObject({ ok: false, error: 'unreadable', detail: 'gone' });
    const good = { size: 10, text: async () => JSON.stringify(served) };
    expect(await readReplayFile(good)).toMatchObject({ ok: true });
  });
});

describe('a replay link', () => {
  it('refuses hostile files with a reason instead of hanging: a format nested too deep, a log longer than any game', () => {
    const deep = `{"format":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(parseReplayText(deep)).toMatchObject({ ok: false, error: 'notReplay', detail: 'format: a object' });
    const entry = doc.log[0]!;
    const long = { ...doc, log: Array.from({ length: 400_001 }, () => entry) };
    expect(parseReplay(long)).toMatchObject({ ok: false, error: 'notReplay' });
  });

  it('is /replay/<id> with a server id, nothing else', () => {
    expect(replayIdFromPath('/replay/aB3_x-9Q')).toBe('aB3_x-9Q');
    expect(replayIdFromPath('/replay/aB3_x-9Q/')).toBe('aB3_x-9Q');
    for (const path of ['/', '/replay/', '/replay/a b', '/replay/abc', '/join/ABC123', '/replay/x/y', '/api/replays/abcd'])
      expect(replayIdFromPath(path), path).toBe(null);
    expect(replayLink('https://example.org', 'aB3_x-9Q')).toBe('https://example.org/replay/aB3_x-9Q');
    expect(replayIdFromPath(new URL(replayLink('https://example.org', 'aB3_x-9Q')).pathname)).toBe('aB3_x-9Q');
  });
});
