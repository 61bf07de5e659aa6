/**
 * What the diagram's own WebGL drawers (dots, lines, the still texture's copy) share: a Phaser
 * Extern (Phaser yields the WebGL context to it in display-list order and restores its own state
 * afterwards) with one program and one buffer, made when first drawn and again after a lost
 * context, and freed with the object.
 */
import Phaser from 'phaser';
import { compileProgram, releaseGl } from './glProgram';

/** The program, its buffer, and what a subclass found in them (attribute and uniform locations). */
export interface GlReady<Parts> {
  gl: WebGLRenderingContext;
  program: WebGLProgram;
  buffer: WebGLBuffer;
  parts: Parts;
}

export abstract class GlExtern<Parts> extends Phaser.GameObjects.Extern {
  private ready: GlReady<Parts> | null = null;

  constructor(
    scene: Phaser.Scene,
    private readonly vertexSource: string,
    private readonly fragmentSource: string,
  ) {
    super(scene);
  }

  override destroy(fromScene?: boolean): void {
    const ready = this.ready;
    this.ready = null;
    if (ready !== null) releaseGl(ready.gl, ready.buffer, ready.program);
    super.destroy(fromScene);
  }

  /**
   * Finds the locations in a freshly compiled program, with its buffer bound (and sizes the
   * buffer, where it needs a size).
   */
  protected abstract setUp(gl: WebGLRenderingContext, program: WebGLProgram): Parts;

  /**
   * Makes the program ready for this frame's context (again after a lost one) and points drawing
   * at the frame's target, with the program in use and its buffer bound; null when it cannot draw.
   */
  protected prepareDraw(
    renderer: Phaser.Renderer.WebGL.WebGLRenderer,
    drawingContext: Phaser.Renderer.WebGL.DrawingContext,
  ): GlReady<Parts> | null {
    const gl = renderer.gl;
    if (gl.isContextLost()) {
      // The lost context's objects are gone with it.
      this.ready = null;
      return null;
    }
    if (this.ready?.gl !== gl) this.ready = this.make(gl);
    const ready = this.ready;
    if (ready === null) return null;
    renderer.glWrapper.updateBindingsFramebuffer({ bindings: { framebuffer: drawingContext.framebuffer } }, true);
    gl.viewport(0, 0, drawingContext.width, drawingContext.height);
    gl.useProgram(ready.program);
    gl.bindBuffer(gl.ARRAY_BUFFER, ready.buffer);
    return ready;
  }

  private make(gl: WebGLRenderingContext): GlReady<Parts> | null {
    const program = compileProgram(gl, this.vertexSource, this.fragmentSource);
    const buffer = program === null ? null : gl.createBuffer();
    if (program === null || buffer === null) return null;
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    return { gl, program, buffer, parts: this.setUp(gl, program) };
  }
}
