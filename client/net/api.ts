/**
 * The server's HTTP side, as the client reads it: the campaign map's standings for this browser's
 * profile, a finished game's result, and its replay (for the debrief's re-run). Each answers
 * null when the server does not know the id or cannot be reached; the UI says so.
 */
import type { ChapterStanding, PublicMatch, ReplayDocument, ResultDocument } from '../../shared/protocol/results';
import { BadReplayError, readReplay } from '../../shared/replay/readReplay';

async function getJson<T>(origin: string, path: string): Promise<T | null> {
  try {
    const answer = await fetch(`${origin}${path}`, { headers: { accept: 'application/json' } });
    return answer.ok ? ((await answer.json()) as T) : null;
  } catch {
    return null;
  }
}

export async function fetchStandings(origin: string, profileId: string): Promise<ChapterStanding[] | null> {
  const body = await getJson<{ chapters: ChapterStanding[] }>(origin, `/api/campaign/${encodeURIComponent(profileId)}`);
  return body?.chapters ?? null;
}

export function fetchResult(origin: string, id: string): Promise<ResultDocument | null> {
  return getJson<ResultDocument>(origin, `/api/results/${encodeURIComponent(id)}`);
}

/**
 * The replay as a document, whichever form the server sends (the compact one; an older server's
 * full one). A replay the server has but that does not read is no missing one: that throws.
 */
export async function fetchReplay(origin: string, id: string): Promise<ReplayDocument | null> {
  const body = await getJson<unknown>(origin, `/api/replays/${encodeURIComponent(id)}`);
  if (body === null) return null;
  const read = readReplay(body, id);
  if (!read.ok) throw new BadReplayError(read.error, read.detail);
  return read.replay;
}

export type { PublicMatch } from '../../shared/protocol/results';

export async function fetchPublicMatches(origin: string): Promise<PublicMatch[] | null> {
  const body = await getJson<{ matches: PublicMatch[] }>(origin, '/api/matches');
  return body?.matches ?? null;
}

/** The room a join code opens (a workshop's newer code names its room); null when unknown or unreachable. */
export async function resolveCode(origin: string, code: string): Promise<string | null> {
  const body = await getJson<{ room: string | null }>(origin, `/api/codes/${encodeURIComponent(code)}`);
  return body?.room ?? null;
}
