/**
 * The DOM's colours come from the same file as the diagram's (assets/theme/colours.json): its state
 * tones are the diagram's accents, they stay apart for colour-blind players (simulated protanopia,
 * deuteranopia and tritanopia, as the diagram's palette test does) and read as text on every panel
 * background (WCAG 2 contrast of at least 4.5:1), and no stylesheet or page keeps a colour of its
 * own that the file does not know.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEME, TONE_NAMES, hexNumber, parseHex, toneColour, uiCustomProperties, type ToneName } from '../../../client/theme/colours';
import { PALETTE } from '../../../client/view/palette';
import { DEV_PAGES, GAME_PAGE } from '../../../vite.config';
import { VISION_NAMES, contrastRatio, distance, over } from '../colourVision';

const UI_FOLDER = new URL('../../../client/ui/', import.meta.url).pathname;
const tone = (name: ToneName) => hexNumber(toneColour(name));

/** Every opaque background DOM text sits on; the translucent panel as it looks over the diagram. */
function panelBackgrounds(): Record<string, number> {
  const panel = parseHex(THEME.ui.panel);
  const backgrounds: Record<string, number> = {
    bg: hexNumber(THEME.ui.bg),
    'panel-solid': hexNumber(THEME.ui['panel-solid']),
    raised: hexNumber(THEME.ui.raised),
  };
  for (const under of ['background', 'lane', 'card'] as const)
    backgrounds[`panel over ${under}`] = over(panel.rgb, panel.alpha, PALETTE[under]);
  return backgrounds;
}

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(extension))
    .map((f) => join(folder, f));
}

describe('state tones', () => {
  it('are the accents the diagram draws states in', () => {
    expect(tone('good')).toBe(PALETTE.healthy);
    expect(tone('warn')).toBe(PALETTE.degraded);
    expect(tone('bad')).toBe(PALETTE.dead);
    expect(tone('neutral')).toBe(PALETTE.unknown);
    for (const name of TONE_NAMES) expect(uiCustomProperties()[`--su-${name}`]).toBe(toneColour(name));
  });

  it.each(VISION_NAMES)('stay apart from each other and from the panels with %s', (vision) => {
    const pairs: Array<[ToneName, ToneName]> = [
      ['good', 'warn'],
      ['good', 'bad'],
      ['warn', 'bad'],
      ['neutral', 'bad'],
      ['neutral', 'warn'],
    ];
    for (const [a, b] of pairs) expect(distance(tone(a), tone(b), vision), `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
    for (const name of TONE_NAMES) {
      for (const [where, background] of Object.entries(panelBackgrounds()))
        expect(distance(tone(name), background, vision), `${name} on ${where}`).toBeGreaterThanOrEqual(35);
    }
  });

  it('read as text on every panel background (WCAG 4.5:1)', () => {
    const texts: Record<string, number> = Object.fromEntries(TONE_NAMES.map((name) => [name, tone(name)]));
    for (const name of ['text', 'muted', 'faint'] as const) texts[name] = hexNumber(THEME.ui[name]);
    for (const [text, colour] of Object.entries(texts)) {
      for (const [where, background] of Object.entries(panelBackgrounds()))
        expect(contrastRatio(colour, background), `${text} on ${where}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('leave button labels readable on the buttons they colour', () => {
    const ui = THEME.ui;
    expect(contrastRatio(hexNumber(ui['on-primary']), hexNumber(ui.primary))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hexNumber(ui['on-primary']), hexNumber(ui['primary-hover']))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hexNumber(ui['on-bad']), tone('bad'))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('one colour file', () => {
  it('defines every --su-* property the stylesheets use', () => {
    const sheets = filesUnder(UI_FOLDER, '.css').map((f) => readFileSync(f, 'utf8'));
    const declared = new Set([
      ...Object.keys(uiCustomProperties()),
      ...sheets.flatMap((css) => [...css.matchAll(/(--su-[\w-]+)\s*:/g)].map((m) => m[1]!)),
    ]);
    const used = new Set(sheets.flatMap((css) => [...css.matchAll(/var\((--su-[\w-]+)/g)].map((m) => m[1]!)));
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('leaves no colour in the stylesheets but black shadows', () => {
    for (const file of filesUnder(UI_FOLDER, '.css')) {
      const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const colours = [...css.matchAll(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\)/gi)]
        .map((m) => m[0])
        .filter((c) => !/^rgb\(0 0 0 \/ \d+%\)$/.test(c));
      expect(colours, file).toEqual([]);
    }
  });

  it('holds every colour the pages write before any script runs', () => {
    const known = new Set(
      [...Object.values(THEME.states), ...Object.values(THEME.diagram), ...Object.values(THEME.ui), ...Object.values(THEME.charts)].map(
        (c) => c.toLowerCase(),
      ),
    );
    for (const page of [GAME_PAGE, ...Object.values(DEV_PAGES)]) {
      const html = readFileSync(page, 'utf8').replace(/%23/g, '#');
      const colours = [...html.matchAll(/#[0-9a-f]{6}\b/gi)].map((m) => m[0].toLowerCase());
      expect(
        colours.filter((c) => !known.has(c)),
        page,
      ).toEqual([]);
    }
  });
});
