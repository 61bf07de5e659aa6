/**
 * Compiling and driving a small WebGL program for the diagram's own drawers (GlExtern: DotRenderer,
 * LineRenderer and the still texture's copy), which draw through Phaser Extern objects. Returns
 * null when the context cannot (lost context).
 */
export function compileProgram(gl: WebGLRenderingContext, vertexSource: string, fragmentSource: string): WebGLProgram | null {
  const shader = (type: number, source: string) => {
    const s = gl.createShader(type);
    if (s === null) return null;
    gl.shaderSource(s, source);
    gl.compileShader(s);
    return gl.getShaderParameter(s, gl.COMPILE_STATUS) ? s : null;
  };
  const vs = shader(gl.VERTEX_SHADER, vertexSource);
  const fs = shader(gl.FRAGMENT_SHADER, fragmentSource);
  const program = gl.createProgram();
  if (vs === null || fs === null || program === null) return null;
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  return gl.getProgramParameter(program, gl.LINK_STATUS) ? program : null;
}

/** The uniforms both diagram renderers' vertex shaders share: world → clip transform and zoom. */
export type TransformUniforms = Record<'projection' | 'rowX' | 'rowY' | 'scale', WebGLUniformLocation | null>;

export function transformUniforms(gl: WebGLRenderingContext, program: WebGLProgram): TransformUniforms {
  return {
    projection: gl.getUniformLocation(program, 'uProjection'),
    rowX: gl.getUniformLocation(program, 'uRowX'),
    rowY: gl.getUniformLocation(program, 'uRowY'),
    scale: gl.getUniformLocation(program, 'uScale'),
  };
}

/**
 * Sets Phaser's projection and the object's world matrix (`m`, Phaser's TransformMatrix fields)
 * and the premultiplied-alpha blending both renderers draw with.
 */
export function applyTransform(
  gl: WebGLRenderingContext,
  u: TransformUniforms,
  projection: Float32Array,
  m: { a: number; b: number; c: number; d: number; e: number; f: number },
): void {
  gl.uniformMatrix4fv(u.projection, false, projection);
  gl.uniform3f(u.rowX, m.a, m.c, m.e);
  gl.uniform3f(u.rowY, m.b, m.d, m.f);
  gl.uniform1f(u.scale, Math.hypot(m.a, m.b));
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
}

/** Frees a renderer's buffer and program, unless the context is already gone. */
export function releaseGl(gl: WebGLRenderingContext | null, buffer: WebGLBuffer | null, program: WebGLProgram | null): void {
  if (gl === null || gl.isContextLost()) return;
  gl.deleteBuffer(buffer);
  gl.deleteProgram(program);
}
