/**
 * A replay file is checked before anything re-runs it: the server's own answer (with its extra
 * fields) opens, anything else is refused with the reason the player is told (not JSON, not a
 * replay, too large, unreadable); and `/replay/<id>` addresses are recognised like join links.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REPLAY_BYTES, parseReplay, parseReplayText, readReplayFile } from '../../client/replay/replayFile';
import { replayIdFromPath, replayLink } from '../../client/replay/viewer';
import { chapterReplay } from './replayFixture';

const doc = chapterReplay();
/** As GET /api/replays/:id answers: the document and the store's own fields. */
const served = { ...doc, roomId: 'ABC123', createdAt: '2026-01-01T00:00:00.000Z' };

describe('a replay file', () => {
  it("opens the server's answer as the document it holds", () => {
    const parsed = parseReplayText(JSON.stringify(served));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.replay).toEqual(doc);
    expect(Object.keys(parsed.replay)).not.toContain('roomId');
  });

  it('names a replay without an id by the fallback, and an older one without a version as null', () => {
    const { id: _id, version: _version, ...bare } = doc;
    const parsed = parseReplay(bare, 'dropped');
    expect(parsed.ok && parsed.replay.id).toBe('dropped');
    expect(parsed.ok && parsed.replay.version).toBe(null);
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
  it('is /replay/<id> with a server id, nothing else', () => {
    expect(replayIdFromPath('/replay/aB3_x-9Q')).toBe('aB3_x-9Q');
    expect(replayIdFromPath('/replay/aB3_x-9Q/')).toBe('aB3_x-9Q');
    for (const path of ['/', '/replay/', '/replay/a b', '/replay/abc', '/join/ABC123', '/replay/x/y', '/api/replays/abcd'])
      expect(replayIdFromPath(path), path).toBe(null);
    expect(replayLink('https://example.org', 'aB3_x-9Q')).toBe('https://example.org/replay/aB3_x-9Q');
    expect(replayIdFromPath(new URL(replayLink('https://example.org', 'aB3_x-9Q')).pathname)).toBe('aB3_x-9Q');
  });
});
