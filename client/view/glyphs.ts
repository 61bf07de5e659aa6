/**
 * The bundled Hangul font comes in many small files split by unicode-range, and the browser
 * fetches a file only when a page element needs its characters. Phaser draws text on a canvas,
 * which does not wait: a character whose file has not arrived is drawn with a fallback font (or
 * an empty box). Before trusting a text, the diagram asks here; if some characters are missing it
 * draws anyway and is called back once their files have loaded, to draw its texts again.
 */
const FONTS = ['400 15px "Noto Sans KR"', '700 15px "Noto Sans KR"'];

export class GlyphLoader {
  private readonly ready = new Set<string>();
  private pending = false;

  constructor(private readonly onLoaded: () => void) {}

  /** Whether every character of `text` can be drawn in the bundled font now; if not, loads them. */
  ensure(text: string): boolean {
    if (typeof document === 'undefined' || document.fonts === undefined) return true;
    let missing = '';
    for (const ch of new Set(text)) if (ch.charCodeAt(0) > 0x7f && !this.ready.has(ch)) missing += ch;
    if (missing === '') return true;
    if (FONTS.every((font) => document.fonts.check(font, missing))) {
      for (const ch of missing) this.ready.add(ch);
      return true;
    }
    if (!this.pending) {
      this.pending = true;
      void Promise.all(FONTS.map((font) => document.fonts.load(font, missing)))
        .catch(() => undefined)
        .then(() => {
          this.pending = false;
          for (const ch of missing) this.ready.add(ch);
          this.onLoaded();
        });
    }
    return false;
  }
}
