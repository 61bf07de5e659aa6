/**
 * Mounting the diagram in a page element: a Phaser 4 game with the DiagramScene, WebGL, drawn at
 * device resolution and following the element's size.
 */
import Phaser from 'phaser';
import { DiagramScene, type DiagramClient, type DiagramOptions } from './DiagramScene';
import { pixelRatio, softwareWebGL } from './display';

/**
 * Mounts the diagram in `parent` (which must have a size and be positioned: the still picture lies
 * under the canvas in it, see StillPicture): a WebGL canvas that follows the element's size, drawn
 * at device resolution, on the page's dark background.
 */
export function createDiagram(parent: HTMLElement, client: DiagramClient, options: DiagramOptions = {}): Phaser.Game {
  const ratio = pixelRatio();
  const size = () => ({ w: Math.max(1, Math.round(parent.clientWidth * ratio)), h: Math.max(1, Math.round(parent.clientHeight * ratio)) });
  const { w, h } = size();
  const antialias = options.multisample ?? !softwareWebGL();
  const { canvas, context } = webgl2Canvas(antialias);
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    // Phaser's types name only a 2D context here; its WebGL renderer uses a WebGL context given so.
    ...(context === null ? {} : { canvas, context: context as unknown as CanvasRenderingContext2D }),
    backgroundColor: '#0f1419',
    // Cleared to transparent: the still picture lies under the canvas (see StillPicture).
    transparent: true,
    banner: false,
    disableContextMenu: true,
    input: { keyboard: false, gamepad: false },
    render: {
      antialias: true,
      antialiasGL: antialias,
      powerPreference: 'high-performance',
      // Mipmaps for the (power-of-two) atlas: smooth and cheap when zoomed far out.
      mipmapFilter: 'LINEAR_MIPMAP_LINEAR',
    },
    scale: { mode: Phaser.Scale.NONE, width: w, height: h, zoom: 1 / ratio, expandParent: false, autoRound: true },
    scene: new DiagramScene(client, options),
    callbacks: { postBoot: (booted) => (booted.canvas.style.display = 'block') },
  });
  const observer = new ResizeObserver(() => {
    const next = size();
    if (next.w !== game.scale.width || next.h !== game.scale.height) game.scale.resize(next.w, next.h);
  });
  observer.observe(parent);
  game.events.once(Phaser.Core.Events.DESTROY, () => observer.disconnect());
  return game;
}

/**
 * A WebGL 2 context for Phaser (which makes a WebGL 1 one by itself): the diagram's still picture
 * is read back through a pixel buffer without waiting, which WebGL 1 cannot (see StillPicture).
 * The attributes are those Phaser asks for with this game's settings. Null where WebGL 2 is
 * missing: Phaser then makes its own context and the picture is copied onto the canvas instead.
 */
function webgl2Canvas(antialias: boolean): { canvas: HTMLCanvasElement; context: WebGL2RenderingContext | null } {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('webgl2', {
    alpha: true,
    depth: true,
    stencil: true,
    antialias,
    premultipliedAlpha: true,
    powerPreference: 'high-performance',
    preserveDrawingBuffer: false,
    failIfMajorPerformanceCaveat: false,
  });
  return { canvas, context };
}
