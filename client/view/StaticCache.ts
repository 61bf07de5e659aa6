/**
 * The diagram's still parts (region panels, edge lines, cards and their texts, lane and region
 * names) drawn into a screen-sized texture, and shown from a page element under the WebGL canvas
 * (StillPicture): each frame the canvas draws only what moves (the traffic dots, the cards' glows,
 * badges and highlight rings, whole cards that shake or are under the pointer, the connection
 * being drawn) over a transparent background, and the browser's compositor lays it over the
 * picture. On a software renderer (a laptop without a good GPU), where every pixel drawn is paid
 * for on the CPU, that is the difference between a smooth and a stuttering diagram. Where the
 * page element cannot be had (no WebGL 2), the texture is copied onto the canvas in every frame.
 *
 * The texture is drawn again a part a frame, and the old picture stays until the new one is up:
 * at most once per REFRESH_MS (REDUCED_REFRESH_MS with reduced effects) for what the game changes
 * (figures, load bars, line colours), which arrive once a second, and soon after a new selection
 * or a card that begins or stops shaking. When what it shows is wrong at once (a new layout or
 * language, a connection being drawn), and while the camera moves, everything is drawn live until
 * a new picture is up.
 */
import Phaser from 'phaser';
import { GlExtern } from './GlExtern';
import type { CardDrawing } from './NodeCard';
import { StillPicture } from './StillPicture';

/** How often figures, load bars and line colours reach the copy, ms (the sim's tick is 1 s). */
const REFRESH_MS = 1000;
/** The same with reduced effects: each refresh draws the whole diagram once more. */
const REDUCED_REFRESH_MS = 2000;
/** Frames the still cards are drawn into the texture over, after one for the lines' geometry and one for the panels and lines (see drawPart). */
const CAPTURE_PARTS = 6;
/** Steps of drawing the texture: the lines' geometry, the panels and lines, then the cards' parts. */
const CAPTURE_STEPS = CAPTURE_PARTS + 2;
/** Frames a read-back may take before the texture is shown by copying it instead (a lost context). */
const READBACK_TIMEOUT_FRAMES = 60;

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

/**
 * Copies a texture to the same place on the canvas, unblended, sampling the nearest texel: the
 * cheapest draw there is (a WebGL 2 framebuffer blit measured slower on SwiftShader).
 */
class TextureCopy extends GlExtern<{ corner: number; sampler: WebGLUniformLocation | null }> {
  constructor(
    scene: Phaser.Scene,
    private readonly still: Phaser.Textures.DynamicTexture,
  ) {
    super(scene, VERTEX, FRAGMENT);
  }

  override render(renderer: Phaser.Renderer.WebGL.WebGLRenderer, drawingContext: Phaser.Renderer.WebGL.DrawingContext): void {
    const source = this.still.getWebGLTexture();
    if (source === undefined || source === null) return;
    const ready = this.prepareDraw(renderer, drawingContext);
    if (ready === null) return;
    const { gl, parts } = ready;
    renderer.glTextureUnits.bind(source, 0);
    gl.uniform1i(parts.sampler, 0);
    gl.enableVertexAttribArray(parts.corner);
    gl.vertexAttribPointer(parts.corner, 2, gl.FLOAT, false, 0, 0);
    gl.disable(gl.BLEND);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.enable(gl.BLEND);
    gl.disableVertexAttribArray(parts.corner);
  }

  protected setUp(gl: WebGLRenderingContext, program: WebGLProgram): { corner: number; sampler: WebGLUniformLocation | null } {
    // The whole canvas, as two triangles.
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    return { corner: gl.getAttribLocation(program, 'aCorner'), sampler: gl.getUniformLocation(program, 'uTexture') };
  }
}

/** What the cache needs of the scene's cards. */
interface CachedCard {
  /** Whether the whole card moves (then it is drawn live, not in the picture). */
  readonly moving: boolean;
  /** Whether it shows a glow or a highlight ring (then the picture holds its body and its signals are drawn live). */
  readonly signalling: boolean;
  /**
   * Whether the pointer is over the card: it is then drawn live over its still self in the
   * picture (its body is opaque and covers it), and the next picture holds only its body.
   */
  readonly hovered: boolean;
  /** Which parts the card draws itself; the picture shows the rest. */
  setDrawing(drawing: CardDrawing): void;
}

/** The scene's layers as the cache sees them, in drawing order. */
export interface CachedLayers {
  /** Drawn into the picture entirely, under the cards (region panels, edge lines). */
  under: readonly Phaser.GameObjects.Layer[];
  /** The cards' layers: of these, only the cards that do not animate go into the picture. */
  cards: readonly Phaser.GameObjects.Layer[];
  /** Drawn into the picture entirely, over the cards (lane and region names). */
  over: readonly Phaser.GameObjects.Layer[];
  /** Takes the per-frame copy when the picture cannot be a page element; drawn first. */
  host: Phaser.GameObjects.Layer;
  /** Brings what is drawn only when shown (the edge lines) up to date before the texture is drawn. */
  prepare(): void;
}

export class StaticCache {
  private readonly texture: Phaser.Textures.DynamicTexture;
  /** Copies the texture onto the canvas in every frame, where the picture cannot be had. */
  private readonly copy: TextureCopy;
  /** The texture as a page element under the canvas (see StillPicture). */
  private readonly picture: StillPicture;
  /** The layers drawn only into the texture while it is shown. */
  private readonly whole: readonly Phaser.GameObjects.Layer[];
  /** The texture is shown (its layers and the cards in it are hidden). */
  private active = false;
  /** Cards the shown texture holds, whole or their body only; every other card is drawn live. */
  private inPicture = new Map<CachedCard, 'all' | 'body'>();
  /**
   * A texture being drawn (`drawn` of CAPTURE_STEPS steps, a frame each), then read back: it is
   * shown when its picture is on screen (`reading`), or at once where it is copied instead.
   */
  private pending: {
    inPicture: Map<CachedCard, 'all' | 'body'>;
    parts: ReadonlyArray<ReadonlySet<CachedCard>>;
    drawn: number;
    reading: number | null;
    waited: number;
  } | null = null;
  /** A new texture is wanted now (the player changed what it should show). */
  private wanted = true;
  private stale = true;
  private sinceCapture = Infinity;
  private cameraKey = '';
  /** Whether there is a diagram to keep (a layout). */
  private laidOut = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layers: CachedLayers,
    private readonly background: number,
  ) {
    this.whole = [...layers.under, ...layers.over];
    this.texture = scene.textures.addDynamicTexture(`diagram-still-${Phaser.Math.RND.uuid()}`, scene.scale.width, scene.scale.height)!;
    // The canvas's exact size (Phaser would round it up to even numbers, shifting the picture by a row).
    this.texture.setSize(scene.scale.width, scene.scale.height, false);
    // Copied pixel for pixel: the nearest texel is exact and the cheapest to sample.
    this.texture.setFilter(Phaser.Textures.FilterMode.NEAREST);
    // Cleared to the background rather than filled with it: a clear costs nothing per pixel.
    this.texture.drawingContext?.setClearColor(
      ((background >> 16) & 0xff) / 255,
      ((background >> 8) & 0xff) / 255,
      (background & 0xff) / 255,
      1,
    );
    this.copy = new TextureCopy(scene, this.texture);
    scene.add.existing(this.copy);
    layers.host.addAt(this.copy, 0);
    this.copy.setVisible(false);
    const renderer = scene.renderer as Phaser.Renderer.WebGL.WebGLRenderer;
    this.picture = new StillPicture(scene.game.canvas, renderer.gl);
    // A restored context has none of the read-back's objects: start again from live drawing.
    renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, this.restored, this);
  }

  /** What the picture shows is wrong now (a new layout, language or connection): everything is drawn live until a new one is up. */
  invalidate(): void {
    if (this.active || this.pending !== null) this.deactivate();
    this.wanted = true;
  }

  /** The picture should be drawn again soon (a new selection): it stays on screen meanwhile. */
  refresh(): void {
    this.wanted = true;
  }

  /** Whether there is a diagram (a layout) to keep; without one the canvas draws everything. */
  setLaidOut(laidOut: boolean): void {
    this.laidOut = laidOut;
    this.invalidate();
  }

  /** The game's figures changed: the picture catches up within REFRESH_MS. */
  touch(): void {
    this.stale = true;
  }

  /** Once per frame, after everything else has been updated. */
  update(deltaMs: number, cards: ReadonlyMap<string, CachedCard>, reduced: boolean): void {
    this.sinceCapture += deltaMs;
    this.picture.poll();
    const cam = this.scene.cameras.main;
    const key = `${cam.scrollX},${cam.scrollY},${cam.zoom},${cam.width},${cam.height}`;
    const moved = key !== this.cameraKey;
    this.cameraKey = key;
    if (moved || !this.laidOut) {
      this.invalidate();
      this.showLive(cards);
      return;
    }
    const pending = this.pending;
    if (pending !== null && pending.drawn < CAPTURE_STEPS) this.drawPart(cards);
    else if (pending !== null) {
      if (pending.reading === null || this.picture.ready(pending.reading)) this.publish();
      // A read-back that never comes gives way to the copy.
      else if (++pending.waited > READBACK_TIMEOUT_FRAMES) pending.reading = null;
    } else {
      const due = this.wanted || (this.stale && this.sinceCapture >= (reduced ? REDUCED_REFRESH_MS : REFRESH_MS));
      if (!this.active || due || this.moves(cards)) this.capture(cards);
    }
    this.showLive(cards);
  }

  destroy(): void {
    (this.scene.renderer as Phaser.Renderer.WebGL.WebGLRenderer).off(Phaser.Renderer.Events.RESTORE_WEBGL, this.restored, this);
    this.picture.destroy();
    this.copy.destroy();
    this.texture.destroy();
  }

  /**
   * Starts drawing the still parts into the texture, one step a frame (a whole diagram at once
   * holds a frame up for many milliseconds): the lines' geometry, the panels and lines, then the
   * cards that do not shake in CAPTURE_PARTS parts. Where the texture is copied onto the canvas
   * (it is on screen while it is drawn), it is drawn whole at once.
   */
  private capture(cards: ReadonlyMap<string, CachedCard>): void {
    const still = [...cards.values()].filter((card) => !card.moving);
    const size = Math.ceil(still.length / CAPTURE_PARTS);
    const parts = Array.from({ length: CAPTURE_PARTS }, (_, i) => new Set(still.slice(i * size, (i + 1) * size)));
    const inPicture = new Map(still.map((card) => [card, card.signalling || card.hovered ? ('body' as const) : ('all' as const)]));
    this.pending = { inPicture, parts, drawn: 0, reading: null, waited: 0 };
    this.wanted = false;
    this.stale = false;
    this.sinceCapture = 0;
    if (this.picture.available) this.drawPart(cards);
    else while (this.pending !== null && this.pending.drawn < CAPTURE_STEPS) this.drawPart(cards);
  }

  /**
   * Draws the next step into the texture: first the lines' geometry is brought up to date, then
   * the panels and lines are drawn, then the cards part by part (still cards do not overlap, so
   * parts may follow one another), the names with the last; after the last, starts reading the
   * texture back for the picture.
   */
  private drawPart(cards: ReadonlyMap<string, CachedCard>): void {
    const pending = this.pending;
    if (pending === null) return;
    const cam = this.scene.cameras.main;
    const { width, height } = this.scene.scale;
    const step = pending.drawn++;
    const last = pending.drawn === CAPTURE_STEPS;
    const { under, cards: cardLayers, over } = this.layers;
    let drawn: readonly Phaser.GameObjects.Layer[];
    if (step === 0) {
      // The lines' geometry first, in a frame of its own: building it is the costliest part.
      this.layers.prepare();
      return;
    } else if (step === 1) {
      if (this.texture.width !== width || this.texture.height !== height) this.texture.setSize(width, height, false);
      this.texture.clear();
      for (const layer of under) layer.setVisible(true);
      drawn = under;
    } else {
      const part = pending.parts[step - 2]!;
      for (const card of cards.values()) card.setDrawing(part.has(card) ? this.roleNow(card, pending.inPicture) : 'none');
      for (const layer of over) layer.setVisible(last);
      drawn = last ? [...cardLayers, ...over] : cardLayers;
    }
    for (const layer of drawn) if (layer.visible) this.texture.capture(layer, { camera: cam });
    this.texture.render();
    const target = this.texture.drawingContext;
    if (last && this.picture.available && target !== null) {
      const renderer = this.scene.renderer as Phaser.Renderer.WebGL.WebGLRenderer;
      renderer.glWrapper.updateBindingsFramebuffer({ bindings: { framebuffer: target.framebuffer } }, true);
      pending.reading = this.picture.read(width, height);
    }
    // Back to what the screen shows (showLive sets the cards).
    for (const layer of this.whole) layer.setVisible(!this.active);
  }

  /**
   * How a card goes into the texture as its part is drawn, frames after the capture began: a card
   * that began to shake meanwhile stays out, and one the pointer came over goes in as its body
   * only (its highlight must not stay in the picture).
   */
  private roleNow(card: CachedCard, inPicture: Map<CachedCard, 'all' | 'body'>): CardDrawing {
    if (card.moving) {
      inPicture.delete(card);
      return 'none';
    }
    if (card.hovered || card.signalling) inPicture.set(card, 'body');
    return inPicture.get(card) ?? 'none';
  }

  /** Whether a card began or stopped shaking, or is new: it goes between the picture and the live drawing. */
  private moves(cards: ReadonlyMap<string, CachedCard>): boolean {
    for (const card of cards.values()) if (!card.hovered && card.moving === this.inPicture.has(card)) return true;
    return false;
  }

  /** Shows the new texture: the cards it holds and its layers leave the live drawing. */
  private publish(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending === null) return;
    this.inPicture = pending.inPicture;
    for (const layer of this.whole) layer.setVisible(false);
    this.copy.setVisible(pending.reading === null);
    this.showBackground(false);
    this.active = true;
  }

  /** Draws live what the shown picture does not hold, what shakes, and what the pointer is over. */
  private showLive(cards: ReadonlyMap<string, CachedCard>): void {
    for (const card of cards.values()) {
      const held = this.active ? this.inPicture.get(card) : undefined;
      if (held === undefined || card.moving || card.hovered) card.setDrawing('all');
      else card.setDrawing(held === 'body' || card.signalling ? 'signals' : 'none');
    }
  }

  private showBackground(shown: boolean): void {
    this.scene.cameras.main.setBackgroundColor(shown ? this.background : 'rgba(0,0,0,0)');
  }

  /** Stops showing the texture: everything is drawn live. */
  private deactivate(): void {
    this.active = false;
    this.pending = null;
    this.picture.hide();
    this.copy.setVisible(false);
    this.showBackground(true);
    for (const layer of this.whole) layer.setVisible(true);
    this.inPicture = new Map();
  }

  private restored(): void {
    this.picture.reset();
    this.invalidate();
  }
}
