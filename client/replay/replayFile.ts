/**
 * A replay file as a player opens it (picked or dropped on the page): read and checked by
 * shared/replay/readReplay.ts (either form, the compact one or the full one older files are in),
 * so a wrong file gets a clear message in the player's language instead of a simulation that
 * throws half-way.
 */
import { readReplay, type ParsedReplay as ReadReplay, type ReplayProblem } from '../../shared/replay/readReplay';

/** Why a file is not opened; each is a key under ui.replay.error in the locales. */
export type ReplayFileError = ReplayProblem | 'notJson' | 'tooLarge' | 'unreadable';

export type ParsedReplay = ReadReplay | { ok: false; error: ReplayFileError; detail: string };

/** Larger than any stored game's replay (a long workshop's log is a few megabytes), small enough to read at once. */
export const MAX_REPLAY_BYTES = 50 * 1024 * 1024;

/** Checks a replay file's text. */
export function parseReplayText(text: string, fallbackId?: string): ParsedReplay {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    return readReplay(data, fallbackId);
  } catch (error) {
    // Whatever a hostile file does to the reader, the player hears that it cannot be read.
    return { ok: false, error: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads and checks a file the player picked or dropped (its size first: a huge file is not read at all). */
export async function readReplayFile(file: Pick<File, 'size' | 'text'>): Promise<ParsedReplay> {
  if (file.size > MAX_REPLAY_BYTES) return { ok: false, error: 'tooLarge', detail: `${file.size} bytes` };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, error: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  return parseReplayText(text);
}
