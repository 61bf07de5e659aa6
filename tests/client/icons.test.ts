/**
 * The icons of assets/icons, one source for the DOM's <Icon> and the diagram's atlas: the folder
 * holds exactly the listed icons, every file is read the same way (one viewBox, strokes in
 * currentColor, only <path> elements), every kind of box has its icon, and every state badge the
 * diagram can show has a plate to fill.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPONENT_KINDS } from '../../shared/sim';
import { ICON_NAMES, ICON_VIEWBOX, ICONS, parseIcon, type IconName } from '../../client/theme/icons';
import { STATE_STYLES } from '../../client/view/trafficStyle';

const FOLDER = new URL('../../assets/icons/', import.meta.url);

describe('icon files', () => {
  it('are exactly the listed icons, no more and no fewer', () => {
    const files = readdirSync(FOLDER)
      .filter((f) => f.endsWith('.svg'))
      .map((f) => f.slice(0, -'.svg'.length));
    expect(files.sort()).toEqual([...ICON_NAMES].sort());
    expect(readdirSync(FOLDER).filter((f) => !f.endsWith('.svg'))).toEqual([]);
  });

  it.each([...ICON_NAMES])('%s has paths with drawable data', (name) => {
    const icon = ICONS[name];
    expect(icon.paths.length).toBeGreaterThan(0);
    expect(icon.strokeWidth).toBeGreaterThan(0);
    expect(icon.strokeWidth).toBeLessThanOrEqual(3);
    for (const path of icon.paths) {
      expect(path.d).toMatch(/^[Mm]/);
      // Every subpath starts inside the viewBox, so a slip of the pen shows here, not as a cut-off icon.
      for (const [, x, y] of path.d.matchAll(/M(-?[\d.]+)[ ,](-?[\d.]+)/g)) {
        for (const v of [Number(x), Number(y)]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(ICON_VIEWBOX);
        }
      }
      expect(path.fill || path.stroke).toBe(true);
    }
  });

  it('has an icon for every kind of box the diagram draws, and the shop sells', () => {
    const boxes: string[] = [...COMPONENT_KINDS, 'users', 'dns'];
    for (const kind of boxes) expect(ICON_NAMES as readonly string[]).toContain(kind);
  });

  it('gives every state badge a plate (the shape filled with the state colour) and a mark', () => {
    for (const style of Object.values(STATE_STYLES)) {
      if (style.icon === 'none') continue;
      const icon = ICONS[style.icon as IconName];
      expect(
        icon.paths.some((p) => p.plate),
        style.icon,
      ).toBe(true);
      expect(
        icon.paths.some((p) => !p.plate),
        style.icon,
      ).toBe(true);
    }
  });
});

describe('reading an icon file', () => {
  const svg = (root: string, body: string) => `<svg xmlns="http://www.w3.org/2000/svg" ${root}>${body}</svg>`;
  const ROOT = 'viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';

  it('reads fills, unstroked paths and plates', () => {
    const icon = parseIcon(
      't',
      svg(ROOT, '<path d="M1 1h2"/><path fill="currentColor" stroke="none" d="M3 3h1"/><path class="plate" d="M5 5h1"/>'),
    );
    expect(icon).toEqual({
      strokeWidth: 2,
      paths: [
        { d: 'M1 1h2', fill: false, stroke: true, plate: false },
        { d: 'M3 3h1', fill: true, stroke: false, plate: false },
        { d: 'M5 5h1', fill: false, stroke: true, plate: true },
      ],
    });
  });

  it('refuses what the atlas would not draw the way a browser does', () => {
    expect(() => parseIcon('t', svg(ROOT.replace('0 0 24 24', '0 0 16 16'), '<path d="M1 1h2"/>'))).toThrow(/t\.svg: the viewBox/);
    expect(() => parseIcon('t', svg(ROOT, '<circle cx="1" cy="1" r="1"/>'))).toThrow(/only <path>/);
    expect(() => parseIcon('t', svg(ROOT, '<path fill="#f00" d="M1 1h2"/>'))).toThrow(/fill must be/);
    expect(() => parseIcon('t', svg(ROOT.replace('stroke="currentColor"', 'stroke="#fff"'), '<path d="M1 1h2"/>'))).toThrow(/currentColor/);
    expect(() => parseIcon('t', svg(ROOT, ''))).toThrow(/no <path>/);
  });
});
