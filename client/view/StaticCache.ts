/**
 * The diagram's still parts (region panels, edge lines, cards and their texts) drawn once into a
 * screen-sized texture and copied to the canvas each frame, so that a frame costs one opaque copy
 * plus the traffic dots instead of every panel, line, card and text blended again. On a software
 * renderer (a laptop without a good GPU), where every blended pixel is paid for on the CPU, that
 * is the difference between a smooth and a stuttering diagram.
 *
 * The texture is drawn again when what it shows changes: at once for what the player does
 * (selection, hover, a new layout or language), at most once per REFRESH_MS (REDUCED_REFRESH_MS
 * with reduced effects) for what the game changes (figures, load bars, line colours), which arrive
 * once a second. While the camera moves
 * the scene is drawn live, and the copy comes back once the camera has stood still for a frame.
 * Cards that animate (pulsing, shaking, a selection ring) are never in the copy: they are drawn
 * live on top of it.
 */
import Phaser from 'phaser';
import { compileProgram, releaseGl } from './glProgram';

/** How often figures, load bars and line colours reach the copy, ms (the sim's tick is 1 s). */
const REFRESH_MS = 1000;
/** The same with reduced effects: each refresh draws the whole diagram once more. */
const REDUCED_REFRESH_MS = 2000;

const VERTEX = `
attribute vec2 aCorner;
varying vec2 vUv;
void main() {
  vUv = aCorner * 0.5 + 0.5;
  gl_Position = vec4(aCorner, 0.0, 1.0);
}`;

const FRAGMENT = `
precision mediump float;
uniform sampler2D uTexture;
varying vec2 vUv;
void main() {
  gl_FragColor = texture2D(uTexture, vUv);
}`;

/** World pixels around the diagram's bounds that still hold something (card glows, rings). */
const CONTENT_MARGIN = 40;

/**
 * Copies a texture to the same place on the canvas, unblended, sampling the nearest texel: the
 * cheapest draw there is (a WebGL 2 framebuffer blit measured slower on SwiftShader). Only the part
 * with the diagram in it is copied; the rest of the canvas is the cleared background.
 */
class TextureCopy extends Phaser.GameObjects.Extern {
  private gl: WebGLRenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private buffer: WebGLBuffer | null = null;
  private corner = -1;
  private sampler: WebGLUniformLocation | null = null;
  /** The copied part in clip space (x0, y0, x1, y1), and whether the buffer still has it. */
  private area = [-1, -1, 1, 1];
  private areaDirty = true;

  constructor(
    scene: Phaser.Scene,
    private readonly still: Phaser.Textures.DynamicTexture,
  ) {
    super(scene);
  }

  /** The part to copy, canvas pixels from the top left. */
  setArea(x: number, y: number, w: number, h: number, canvasW: number, canvasH: number): void {
    const area = [(2 * x) / canvasW - 1, 1 - (2 * (y + h)) / canvasH, (2 * (x + w)) / canvasW - 1, 1 - (2 * y) / canvasH];
    if (area.every((v, i) => v === this.area[i])) return;
    this.area = area;
    this.areaDirty = true;
  }

  override render(renderer: Phaser.Renderer.WebGL.WebGLRenderer, drawingContext: Phaser.Renderer.WebGL.DrawingContext): void {
    const gl = renderer.gl;
    const source = this.still.getWebGLTexture();
    if (gl.isContextLost() || source === undefined || source === null) {
      this.program = null;
      return;
    }
    if (gl !== this.gl || this.program === null) this.setUp(gl);
    if (this.program === null) return;
    renderer.glWrapper.updateBindingsFramebuffer({ bindings: { framebuffer: drawingContext.framebuffer } }, true);
    gl.viewport(0, 0, drawingContext.width, drawingContext.height);
    gl.useProgram(this.program);
    renderer.glTextureUnits.bind(source, 0);
    gl.uniform1i(this.sampler, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
    if (this.areaDirty) {
      const [x0, y0, x1, y1] = this.area as [number, number, number, number];
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([x0, y0, x1, y0, x0, y1, x1, y1]), gl.DYNAMIC_DRAW);
      this.areaDirty = false;
    }
    gl.enableVertexAttribArray(this.corner);
    gl.vertexAttribPointer(this.corner, 2, gl.FLOAT, false, 0, 0);
    gl.disable(gl.BLEND);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.enable(gl.BLEND);
    gl.disableVertexAttribArray(this.corner);
  }

  override destroy(fromScene?: boolean): void {
    releaseGl(this.gl, this.buffer, this.program);
    this.gl = null;
    super.destroy(fromScene);
  }

  private setUp(gl: WebGLRenderingContext): void {
    this.gl = gl;
    this.program = compileProgram(gl, VERTEX, FRAGMENT);
    if (this.program === null) return;
    this.buffer = gl.createBuffer();
    this.areaDirty = true;
    this.corner = gl.getAttribLocation(this.program, 'aCorner');
    this.sampler = gl.getUniformLocation(this.program, 'uTexture');
  }
}

/** What the cache needs of the scene's cards. */
interface CachedCard {
  /** Whether the card changes from frame to frame (then it is drawn live, over the copy). */
  readonly animating: boolean;
  /** Hides the card's parts (they are in the copy) or shows them. */
  setCached(cached: boolean): void;
}

export class StaticCache {
  private readonly texture: Phaser.Textures.DynamicTexture;
  private readonly copy: TextureCopy;
  /** The copy is shown (the still layers are hidden). */
  private active = false;
  private urgent = true;
  private stale = true;
  private sinceCapture = Infinity;
  private cameraKey = '';
  /** The diagram's extent, world pixels (null: the whole canvas is copied). */
  private content: { x: number; y: number; w: number; h: number } | null = null;
  /** Cards drawn live over the copy. */
  private readonly liveCards = new Set<CachedCard>();

  /**
   * `still`: the layers that go into the copy entirely (panels, lines); `cardLayers`: the layers
   * of the cards, of which only the cards that do not animate go into it. `host` takes the copy;
   * it must be drawn first.
   */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly still: readonly Phaser.GameObjects.Layer[],
    private readonly cardLayers: readonly Phaser.GameObjects.Layer[],
    host: Phaser.GameObjects.Layer,
    private readonly background: number,
  ) {
    this.texture = scene.textures.addDynamicTexture(`diagram-still-${Phaser.Math.RND.uuid()}`, scene.scale.width, scene.scale.height)!;
    // Copied pixel for pixel: the nearest texel is exact and the cheapest to sample.
    this.texture.setFilter(Phaser.Textures.FilterMode.NEAREST);
    this.copy = new TextureCopy(scene, this.texture);
    scene.add.existing(this.copy);
    host.addAt(this.copy, 0);
    this.copy.setVisible(false);
  }

  /** Something the player did changed the picture: the copy is drawn again on the next frame. */
  invalidate(): void {
    this.urgent = true;
  }

  /** Where the diagram is (its layout's bounds, world pixels): only that part of the canvas is copied. */
  setContent(bounds: { x: number; y: number; w: number; h: number }): void {
    this.content = bounds;
    this.urgent = true;
  }

  /** The game's figures changed: the copy catches up within REFRESH_MS. */
  touch(): void {
    this.stale = true;
  }

  /** Once per frame, after everything else has been updated. */
  update(deltaMs: number, cards: ReadonlyMap<string, CachedCard>, reduced: boolean): void {
    this.sinceCapture += deltaMs;
    const cam = this.scene.cameras.main;
    const key = `${cam.scrollX},${cam.scrollY},${cam.zoom},${cam.width},${cam.height}`;
    const moved = key !== this.cameraKey;
    this.cameraKey = key;
    if (moved) {
      this.setActive(false, cards);
      this.urgent = true;
      return;
    }
    if (this.active && !this.urgent && !(this.stale && this.sinceCapture >= (reduced ? REDUCED_REFRESH_MS : REFRESH_MS))) {
      // A card that began or stopped animating moves between the copy and the live layers.
      for (const card of cards.values()) if (card.animating !== this.liveCards.has(card)) return this.capture(cards);
      return;
    }
    this.capture(cards);
  }

  destroy(): void {
    this.copy.destroy();
    this.texture.destroy();
  }

  private capture(cards: ReadonlyMap<string, CachedCard>): void {
    const cam = this.scene.cameras.main;
    const { width, height } = this.scene.scale;
    if (this.texture.width !== width || this.texture.height !== height) this.texture.setSize(width, height);
    this.liveCards.clear();
    for (const card of cards.values()) {
      if (card.animating) this.liveCards.add(card);
      card.setCached(card.animating);
    }
    for (const layer of this.still) layer.setVisible(true);
    this.copy.setVisible(false);
    this.texture.fill(this.background, 1);
    for (const layer of [...this.still, ...this.cardLayers]) if (layer.visible) this.texture.capture(layer, { camera: cam });
    this.texture.render();
    this.copyArea(width, height);
    for (const card of cards.values()) card.setCached(!card.animating);
    for (const layer of this.still) layer.setVisible(false);
    this.copy.setVisible(true);
    this.showBackground(false);
    this.active = true;
    this.urgent = false;
    this.stale = false;
    this.sinceCapture = 0;
  }

  private copyArea(width: number, height: number): void {
    const c = this.content;
    if (c === null) return this.copy.setArea(0, 0, width, height, width, height);
    const cam = this.scene.cameras.main;
    const sx = (x: number) => (x - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2;
    const sy = (y: number) => (y - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2;
    const x0 = Math.max(0, Math.floor(sx(c.x - CONTENT_MARGIN)));
    const y0 = Math.max(0, Math.floor(sy(c.y - CONTENT_MARGIN)));
    const x1 = Math.min(width, Math.ceil(sx(c.x + c.w + CONTENT_MARGIN)));
    const y1 = Math.min(height, Math.ceil(sy(c.y + c.h + CONTENT_MARGIN)));
    this.copy.setArea(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0), width, height);
  }

  private showBackground(shown: boolean): void {
    this.scene.cameras.main.setBackgroundColor(shown ? this.background : 'rgba(0,0,0,0)');
  }

  private setActive(active: boolean, cards: ReadonlyMap<string, CachedCard>): void {
    if (active === this.active) return;
    this.active = active;
    this.copy.setVisible(active);
    this.showBackground(!active);
    for (const layer of this.still) layer.setVisible(!active);
    if (!active) for (const card of cards.values()) card.setCached(false);
    this.liveCards.clear();
  }
}
