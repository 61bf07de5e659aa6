/**
 * What the editor keeps while its screen is away (a test game started from it, the workshop's
 * setup): whether it is open (its route is `/editor`), the document being written, where it came
 * from, and the server id it was last saved under with the text saved then. The draft is also kept
 * in this browser's storage, so a reload does not lose an afternoon's work.
 */
import { Store } from '../../state/store';
import { canonicalText, readDocument, type JsonObject } from './document';
import { ownCopy, shippedDocument } from './shipped';

/** Where the document came from, for the title bar. */
type DraftSource = { kind: 'shipped'; id: string } | { kind: 'file'; name: string } | { kind: 'saved'; id: string };

export interface Draft {
  doc: JsonObject;
  source: DraftSource;
  /** The text as it was loaded or last saved (to a file or the server): unchanged since then when equal. */
  baseline: string;
  /** The server id it was saved under, and the text saved then (a later change needs saving again). */
  saved: { id: string; text: string } | null;
}

export const EDITOR_PATH = '/editor';
const DRAFT_KEY = 'scale-up:editor-draft';

function browserPath(): string {
  return typeof location === 'undefined' ? '/' : location.pathname;
}

export const editorOpen = new Store<boolean>(browserPath().replace(/\/$/, '') === EDITOR_PATH);

export function openEditor(): void {
  if (browserPath() !== EDITOR_PATH) history.pushState(null, '', EDITOR_PATH);
  editorOpen.set(true);
}

export function closeEditor(): void {
  if (browserPath() === EDITOR_PATH) history.pushState(null, '', '/');
  editorOpen.set(false);
}

/** The saved scenario the workshop's setup should offer first (set by the editor's "Run as workshop"). */
export const workshopScenario = new Store<string | null>(null);

export function freshDraft(doc: JsonObject, source: DraftSource, saved: Draft['saved'] = null): Draft {
  return { doc, source, baseline: canonicalText(doc), saved };
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function storedDraft(): Draft | null {
  try {
    const stored = JSON.parse(storage()?.getItem(DRAFT_KEY) ?? 'null') as {
      text?: unknown;
      source?: DraftSource;
      baseline?: unknown;
      saved?: Draft['saved'];
    } | null;
    if (stored === null || typeof stored.text !== 'string') return null;
    const read = readDocument(stored.text);
    if (!read.ok || stored.source === undefined) return null;
    return {
      doc: read.doc,
      source: stored.source,
      baseline: typeof stored.baseline === 'string' ? stored.baseline : stored.text,
      saved: stored.saved ?? null,
    };
  } catch {
    return null;
  }
}

function initialDraft(): Draft {
  const stored = storedDraft();
  if (stored !== null) return stored;
  const sandbox = shippedDocument('sandbox');
  return freshDraft(sandbox === null ? {} : ownCopy(sandbox), { kind: 'shipped', id: 'sandbox' });
}

export const draft = new Store<Draft>(initialDraft());

let keeping: ReturnType<typeof setTimeout> | null = null;
draft.subscribe((current) => {
  if (keeping !== null) clearTimeout(keeping);
  // Written a moment after the last keystroke: a whole document per keystroke would be wasted work.
  keeping = setTimeout(() => {
    keeping = null;
    try {
      storage()?.setItem(
        DRAFT_KEY,
        JSON.stringify({ text: canonicalText(current.doc), source: current.source, baseline: current.baseline, saved: current.saved }),
      );
    } catch {
      // A full or blocked storage only costs the reload's copy.
    }
  }, 500);
});
