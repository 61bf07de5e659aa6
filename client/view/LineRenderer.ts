/**
 * Draws every edge line of the diagram in one WebGL call: each segment of each curve is a quad
 * (two triangles) stored once in a vertex buffer and rebuilt only when the lines change (a few
 * times a second for their colours), so a frame costs the GPU a single draw and the CPU nothing.
 * Widths are in world pixels but never thinner than 1.2 screen pixels, so a zoomed-out diagram
 * keeps visible lines; far out, where every line is that thin, they are drawn as GL lines (one
 * primitive per piece instead of two triangles). A Phaser Extern, like DotRenderer.
 */
import type Phaser from 'phaser';
import { GlExtern } from './GlExtern';
import { applyTransform, transformUniforms, type TransformUniforms } from './glProgram';

const VERTEX = `
attribute vec2 aPosition;
attribute vec2 aNormal;
attribute float aWidth;
attribute vec4 aColour;
uniform mat4 uProjection;
uniform vec3 uRowX;
uniform vec3 uRowY;
uniform float uScale;
varying vec4 vColour;
void main() {
  vec2 p = vec2(dot(uRowX, vec3(aPosition, 1.0)), dot(uRowY, vec3(aPosition, 1.0)));
  vec2 n = vec2(uRowX.x * aNormal.x + uRowX.y * aNormal.y, uRowY.x * aNormal.x + uRowY.y * aNormal.y);
  float len = length(n);
  if (len > 0.0) n /= len;
  p += n * max(aWidth * uScale, 1.2) * 0.5;
  gl_Position = uProjection * vec4(p, 1.0, 1.0);
  vColour = aColour;
}`;

const FRAGMENT = `
precision mediump float;
varying vec4 vColour;
void main() {
  gl_FragColor = vec4(vColour.rgb * vColour.a, vColour.a);
}`;

/** Bytes per vertex: position, normal, width (float32), colour (4 bytes). */
const STRIDE = 24;
const VERTICES_PER_SEGMENT = 6;

interface LineParts {
  loc: Record<'position' | 'normal' | 'width' | 'colour', number>;
  uniforms: TransformUniforms;
}

export class LineRenderer extends GlExtern<LineParts> {
  private capacity = 0;
  private vertices = 0;
  private raw = new ArrayBuffer(0);
  private floats = new Float32Array(0);
  private bytes = new Uint8Array(0);
  private dirty = true;
  /** One-pixel GL lines instead of quads. */
  private thin = false;
  /** Bytes the GL buffer holds room for. */
  private bufferBytes = 0;

  constructor(scene: Phaser.Scene) {
    super(scene, VERTEX, FRAGMENT);
  }

  /** Starts a new set of lines (then `segment` for each piece); `thin` draws them one pixel wide. */
  begin(segments: number, thin = false): void {
    this.thin = thin;
    if (segments > this.capacity) {
      this.capacity = Math.ceil(segments * 1.25);
      this.raw = new ArrayBuffer(this.capacity * VERTICES_PER_SEGMENT * STRIDE);
      this.floats = new Float32Array(this.raw);
      this.bytes = new Uint8Array(this.raw);
    }
    this.vertices = 0;
    this.dirty = true;
  }

  /** Adds a straight piece from (x0, y0) to (x1, y1), `width` world pixels wide. */
  segment(x0: number, y0: number, x1: number, y1: number, width: number, colour: number, alpha: number): void {
    if (this.vertices + VERTICES_PER_SEGMENT > this.capacity * VERTICES_PER_SEGMENT) return;
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len = Math.hypot(dx, dy) || 1;
    const nx = -dy / len;
    const ny = dx / len;
    const r = (colour >> 16) & 0xff;
    const g = (colour >> 8) & 0xff;
    const b = colour & 0xff;
    const a = Math.max(0, Math.min(255, Math.round(alpha * 255)));
    const put = (x: number, y: number, side: number) => {
      const v = this.vertices++;
      const f = v * 6;
      this.floats[f] = x;
      this.floats[f + 1] = y;
      this.floats[f + 2] = nx * side;
      this.floats[f + 3] = ny * side;
      this.floats[f + 4] = width;
      const o = v * STRIDE + 20;
      this.bytes[o] = r;
      this.bytes[o + 1] = g;
      this.bytes[o + 2] = b;
      this.bytes[o + 3] = a;
    };
    if (this.thin) {
      put(x0, y0, 0);
      put(x1, y1, 0);
      return;
    }
    put(x0, y0, 1);
    put(x0, y0, -1);
    put(x1, y1, 1);
    put(x1, y1, 1);
    put(x0, y0, -1);
    put(x1, y1, -1);
  }

  override render(
    renderer: Phaser.Renderer.WebGL.WebGLRenderer,
    drawingContext: Phaser.Renderer.WebGL.DrawingContext,
    calcMatrix: Phaser.GameObjects.Components.TransformMatrix,
  ): void {
    if (this.vertices === 0) return;
    const ready = this.prepareDraw(renderer, drawingContext);
    if (ready === null) return;
    const { gl, parts } = ready;
    const loc = parts.loc;
    if (this.dirty) {
      const used = this.bytes.subarray(0, this.vertices * STRIDE);
      if (used.byteLength > this.bufferBytes) {
        gl.bufferData(gl.ARRAY_BUFFER, this.raw.byteLength, gl.DYNAMIC_DRAW);
        this.bufferBytes = this.raw.byteLength;
      }
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, used);
      this.dirty = false;
    }
    gl.enableVertexAttribArray(loc.position);
    gl.enableVertexAttribArray(loc.normal);
    gl.enableVertexAttribArray(loc.width);
    gl.enableVertexAttribArray(loc.colour);
    gl.vertexAttribPointer(loc.position, 2, gl.FLOAT, false, STRIDE, 0);
    gl.vertexAttribPointer(loc.normal, 2, gl.FLOAT, false, STRIDE, 8);
    gl.vertexAttribPointer(loc.width, 1, gl.FLOAT, false, STRIDE, 16);
    gl.vertexAttribPointer(loc.colour, 4, gl.UNSIGNED_BYTE, true, STRIDE, 20);
    applyTransform(gl, parts.uniforms, renderer.projectionMatrix.val, calcMatrix);
    gl.drawArrays(this.thin ? gl.LINES : gl.TRIANGLES, 0, this.vertices);
    gl.disableVertexAttribArray(loc.position);
    gl.disableVertexAttribArray(loc.normal);
    gl.disableVertexAttribArray(loc.width);
    gl.disableVertexAttribArray(loc.colour);
  }

  protected setUp(gl: WebGLRenderingContext, program: WebGLProgram): LineParts {
    // A new buffer: sized and filled at the next draw.
    this.bufferBytes = 0;
    this.dirty = true;
    return {
      loc: {
        position: gl.getAttribLocation(program, 'aPosition'),
        normal: gl.getAttribLocation(program, 'aNormal'),
        width: gl.getAttribLocation(program, 'aWidth'),
        colour: gl.getAttribLocation(program, 'aColour'),
      },
      uniforms: transformUniforms(gl, program),
    };
  }
}
