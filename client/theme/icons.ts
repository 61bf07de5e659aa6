/**
 * The game's icons, one source for the DOM and the diagram: each is an SVG file in assets/icons
 * (a 24×24 viewBox, drawn with round strokes in currentColor). The DOM's <Icon> renders their path
 * data as inline SVG (it draws the same on every machine: a workshop laptop may have no emoji or
 * symbol font, and the bundled Noto Sans KR has no ✓ ✕ ▲), and the diagram's texture atlas
 * (view/textures.ts) strokes the same path data on its canvas. The files are bundled as text and
 * parsed once, here.
 *
 * A file is read, not rendered: only `<path>` elements count, each stroked with the file's
 * stroke width unless it says `stroke="none"`, filled when it says `fill="currentColor"`, and
 * `class="plate"` marks the shape a diagram badge fills with its state's colour (in the DOM it is
 * an outline like any other stroke).
 */

const FILES = import.meta.glob<string>('../../assets/icons/*.svg', { query: '?raw', import: 'default', eager: true });

/** The icon of each kind of box of the diagram (component kinds, users, DNS), named as the kind. */
export const KIND_ICONS = ['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker', 'users', 'dns'] as const;

/** Every icon file, by name (assets/icons/<name>.svg); tests/client/icons.test.ts checks the folder against this list. */
export const ICON_NAMES = [
  // The DOM's controls and states.
  'check',
  'warn',
  'cross',
  'dot',
  'pause',
  'play',
  'book',
  'plus',
  'minus',
  'chevronRight',
  'chevronLeft',
  'chevronDown',
  'link',
  'restart',
  'trash',
  'bell',
  'undo',
  'copy',
  'brand',
  // The campaign: stars earned and not, a chapter not open yet.
  'star',
  'starEmpty',
  'lock',
  // One per box of the diagram: on its card, and in the shop.
  ...KIND_ICONS,
  // The diagram's state badges (with `warn`).
  'down',
  'clock',
  'restarting',
] as const;

export type IconName = (typeof ICON_NAMES)[number];

/** The side of every icon's viewBox. */
export const ICON_VIEWBOX = 24;

interface IconPath {
  /** SVG path data, in viewBox units. */
  d: string;
  fill: boolean;
  stroke: boolean;
  /** The badge's backing shape (see the module comment). */
  plate: boolean;
}

export interface IconArt {
  /** Stroke width in viewBox units. */
  strokeWidth: number;
  paths: IconPath[];
}

const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const attributes = (text: string): Map<string, string> => new Map([...text.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));

/** Reads one icon file; throws with the file's name on anything this module does not draw. */
export function parseIcon(name: string, svg: string): IconArt {
  const fail = (why: string): never => {
    throw new Error(`assets/icons/${name}.svg: ${why}`);
  };
  const root = /<svg\b([^>]*)>/.exec(svg) ?? fail('no <svg> element');
  const rootAttributes = attributes(root[1]!);
  if (rootAttributes.get('viewBox') !== `0 0 ${ICON_VIEWBOX} ${ICON_VIEWBOX}`)
    fail(`the viewBox must be "0 0 ${ICON_VIEWBOX} ${ICON_VIEWBOX}"`);
  if (rootAttributes.get('fill') !== 'none' || rootAttributes.get('stroke') !== 'currentColor')
    fail('the <svg> must say fill="none" stroke="currentColor"');
  if (rootAttributes.get('stroke-linecap') !== 'round' || rootAttributes.get('stroke-linejoin') !== 'round')
    fail('strokes must have round caps and joins');
  const strokeWidth = Number(rootAttributes.get('stroke-width'));
  if (!(strokeWidth > 0)) fail('the <svg> needs a stroke-width');
  const other = /<(?!\/?svg\b|\/?path\b)([a-zA-Z]+)/.exec(svg);
  if (other !== null) fail(`only <path> elements are drawn, not <${other[1]}>`);
  const paths = [...svg.matchAll(/<path\b([^>]*?)\/>/g)].map((m): IconPath => {
    const a = attributes(m[1]!);
    const d = a.get('d') ?? fail('a <path> has no d');
    const fill = a.get('fill') ?? 'none';
    if (fill !== 'none' && fill !== 'currentColor') fail(`fill must be none or currentColor, not ${fill}`);
    return { d, fill: fill === 'currentColor', stroke: a.get('stroke') !== 'none', plate: a.get('class') === 'plate' };
  });
  if (paths.length === 0) fail('no <path>');
  return { strokeWidth, paths };
}

function loadIcons(): Record<IconName, IconArt> {
  const icons = {} as Record<IconName, IconArt>;
  for (const name of ICON_NAMES) {
    const svg = FILES[`../../assets/icons/${name}.svg`];
    if (svg === undefined) throw new Error(`assets/icons/${name}.svg is missing`);
    icons[name] = parseIcon(name, svg);
  }
  return icons;
}

export const ICONS: Readonly<Record<IconName, IconArt>> = loadIcons();
