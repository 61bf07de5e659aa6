/**
 * Draws every traffic dot of the diagram in one WebGL call, as point sprites: one vertex per dot
 * (position, size, colour), the shape (round dot, or a cross for a failed request) made in the
 * fragment shader. A quad per dot costs four vertices and two triangles; thousands of moving dots
 * are cheapest as points, on real GPUs and even more on software renderers (SwiftShader draws
 * ~5× more points than quads per frame). It is a Phaser Extern: Phaser yields the WebGL context
 * to it in display-list order and restores its own state afterwards.
 */
import type Phaser from 'phaser';
import { GlExtern } from './GlExtern';
import { applyTransform, transformUniforms, type TransformUniforms } from './glProgram';

const VERTEX = `
attribute vec2 aPosition;
attribute float aSize;
attribute vec4 aColour;
uniform mat4 uProjection;
uniform vec3 uRowX;
uniform vec3 uRowY;
uniform float uScale;
varying vec4 vColour;
varying float vCross;
void main() {
  vec2 p = vec2(dot(uRowX, vec3(aPosition, 1.0)), dot(uRowY, vec3(aPosition, 1.0)));
  gl_Position = uProjection * vec4(p, 1.0, 1.0);
  gl_PointSize = max(1.0, abs(aSize) * uScale);
  vCross = aSize < 0.0 ? 1.0 : 0.0;
  vColour = aColour;
}`;

const FRAGMENT = `
precision mediump float;
varying vec4 vColour;
varying float vCross;
void main() {
  vec2 d = gl_PointCoord - 0.5;
  float a;
  if (vCross > 0.5) {
    float arm = min(abs(d.x - d.y), abs(d.x + d.y)) * 0.7071;
    a = (1.0 - smoothstep(0.08, 0.15, arm)) * (1.0 - smoothstep(0.36, 0.46, max(abs(d.x), abs(d.y))));
  } else {
    float r = length(d);
    a = 1.0 - smoothstep(0.2, 0.5, r);
    a = max(a * 0.5, 1.0 - smoothstep(0.2, 0.26, r));
  }
  a *= vColour.a;
  gl_FragColor = vec4(vColour.rgb * a, a);
}`;

/** Bytes per dot: x, y, size (float32 each), then r, g, b, a (bytes). */
const STRIDE = 16;

interface DotParts {
  locations: { position: number; size: number; colour: number };
  uniforms: TransformUniforms;
}

export class DotRenderer extends GlExtern<DotParts> {
  /** Dots drawn this frame (the first `count` slots). */
  count = 0;
  readonly capacity: number;
  private readonly bytes: Uint8Array;
  private readonly floats: Float32Array;

  constructor(scene: Phaser.Scene, capacity: number) {
    super(scene, VERTEX, FRAGMENT);
    this.capacity = capacity;
    const data = new ArrayBuffer(capacity * STRIDE);
    this.bytes = new Uint8Array(data);
    this.floats = new Float32Array(data);
  }

  /** Writes dot `i`: world centre, diameter (world px), 0xRRGGBB colour, alpha 0–1, cross shape. */
  put(i: number, x: number, y: number, size: number, colour: number, alpha: number, cross: boolean): void {
    const f = i * 4;
    this.floats[f] = x;
    this.floats[f + 1] = y;
    this.floats[f + 2] = cross ? -size : size;
    const b = i * STRIDE + 12;
    this.bytes[b] = (colour >> 16) & 0xff;
    this.bytes[b + 1] = (colour >> 8) & 0xff;
    this.bytes[b + 2] = colour & 0xff;
    this.bytes[b + 3] = Math.max(0, Math.min(255, Math.round(alpha * 255)));
  }

  override render(
    renderer: Phaser.Renderer.WebGL.WebGLRenderer,
    drawingContext: Phaser.Renderer.WebGL.DrawingContext,
    calcMatrix: Phaser.GameObjects.Components.TransformMatrix,
  ): void {
    if (this.count === 0) return;
    const ready = this.prepareDraw(renderer, drawingContext);
    if (ready === null) return;
    const { gl, parts } = ready;
    const loc = parts.locations;
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.bytes.subarray(0, this.count * STRIDE));
    gl.enableVertexAttribArray(loc.position);
    gl.enableVertexAttribArray(loc.size);
    gl.enableVertexAttribArray(loc.colour);
    gl.vertexAttribPointer(loc.position, 2, gl.FLOAT, false, STRIDE, 0);
    gl.vertexAttribPointer(loc.size, 1, gl.FLOAT, false, STRIDE, 8);
    gl.vertexAttribPointer(loc.colour, 4, gl.UNSIGNED_BYTE, true, STRIDE, 12);
    applyTransform(gl, parts.uniforms, renderer.projectionMatrix.val, calcMatrix);
    gl.drawArrays(gl.POINTS, 0, this.count);
    gl.disableVertexAttribArray(loc.position);
    gl.disableVertexAttribArray(loc.size);
    gl.disableVertexAttribArray(loc.colour);
  }

  protected setUp(gl: WebGLRenderingContext, program: WebGLProgram): DotParts {
    gl.bufferData(gl.ARRAY_BUFFER, this.bytes.byteLength, gl.DYNAMIC_DRAW);
    return {
      locations: {
        position: gl.getAttribLocation(program, 'aPosition'),
        size: gl.getAttribLocation(program, 'aSize'),
        colour: gl.getAttribLocation(program, 'aColour'),
      },
      uniforms: transformUniforms(gl, program),
    };
  }
}
