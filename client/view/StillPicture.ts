/**
 * The diagram's still picture as a page element under the WebGL canvas. When the still parts
 * have been drawn into their texture, the texture's pixels are read back without waiting (WebGL 2:
 * into a pixel buffer, with a fence the next frames look at), turned into an ImageBitmap off the
 * page's thread and handed to a canvas beneath the WebGL canvas. From then on the WebGL canvas is
 * cleared to transparent and draws only what moves (traffic dots, animating cards), and the
 * browser's compositor lays it over the picture. The compositor puts the page's layers together
 * in every frame anyway, so the picture costs one read-back when it changes (about once a second)
 * instead of one full-screen draw in every frame: on a software renderer at 1920×1080, a third of
 * a frame. Without WebGL 2 the texture is copied onto the canvas in every frame instead.
 */
import { startWorker } from '../startWorker';

/** Rows of the picture copied out of the pixel buffer per frame (a quarter of 1080). */
const ROWS_PER_FRAME = 270;

export class StillPicture {
  private readonly element: HTMLCanvasElement;
  private readonly context: ImageBitmapRenderingContext | null;
  private readonly gl: WebGL2RenderingContext | null;
  private buffer: WebGLBuffer | null = null;
  private bufferBytes = 0;
  private pixels: Uint8ClampedArray<ArrayBuffer> | null = null;
  /**
   * The read-back on its way: its fence (null once passed), its size, its number (a newer one
   * supersedes it) and the rows already copied out of the pixel buffer.
   */
  private reading: { sync: WebGLSync | null; width: number; height: number; id: number; rows: number } | null = null;
  private asked = 0;
  /** The read-back whose picture is on screen (-1: none). */
  private shownId = -1;
  private shown = false;
  /** Makes the bitmaps off the page's thread (null: on it, where workers are missing or failed). */
  private worker: Worker | null;

  /** Puts the picture's element just under `canvas`, in the same parent, at the same place. */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    gl: WebGLRenderingContext,
  ) {
    this.gl = typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext ? gl : null;
    this.element = document.createElement('canvas');
    this.element.className = 'su-diagram-still';
    this.element.setAttribute('aria-hidden', 'true');
    Object.assign(this.element.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: '100%',
      height: '100%',
      pointerEvents: 'none',
      visibility: 'hidden',
    });
    this.context = this.gl === null ? null : this.element.getContext('bitmaprenderer', { alpha: false });
    canvas.parentElement?.insertBefore(this.element, canvas);
    // Above the picture, which is positioned.
    canvas.style.position = 'relative';
    this.worker =
      this.context === null ? null : startWorker(() => new Worker(new URL('./picture.worker.ts', import.meta.url), { type: 'module' }));
    this.worker?.addEventListener(
      'message',
      ({ data }: MessageEvent<{ id: number; bitmap: ImageBitmap | null; pixels: Uint8ClampedArray<ArrayBuffer> }>) => {
        this.pixels ??= data.pixels;
        if (data.bitmap !== null) this.present(data.id, data.bitmap, data.bitmap.width, data.bitmap.height);
      },
    );
    // A worker that cannot load (a blocked or missing script) says so only here: make the bitmaps on this thread.
    this.worker?.addEventListener('error', () => {
      this.worker?.terminate();
      this.worker = null;
    });
  }

  /** Whether the picture can be used; else the WebGL canvas draws the still parts itself. */
  get available(): boolean {
    return this.gl !== null && this.context !== null && this.element.isConnected && !this.gl.isContextLost();
  }

  /**
   * Starts reading back the framebuffer now bound for reading (the texture just drawn), `width` ×
   * `height` pixels; returns the read-back's number, which `ready` reports once it is on screen.
   */
  read(width: number, height: number): number {
    const gl = this.gl;
    const id = ++this.asked;
    if (gl === null) return id;
    this.dropReading();
    const bytes = width * height * 4;
    if (this.buffer === null || this.bufferBytes !== bytes) {
      if (this.buffer !== null) gl.deleteBuffer(this.buffer);
      this.buffer = gl.createBuffer();
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.buffer);
      gl.bufferData(gl.PIXEL_PACK_BUFFER, bytes, gl.STREAM_READ);
      this.bufferBytes = bytes;
    } else gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.buffer);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    if (sync !== null) this.reading = { sync, width, height, id, rows: 0 };
    return id;
  }

  /**
   * Once per frame: a finished read-back is copied out of its pixel buffer, ROWS_PER_FRAME rows a
   * frame (a whole 1920×1080 picture at once would hold one frame up for several milliseconds), and
   * then becomes the picture (a moment later, off this thread).
   */
  poll(): void {
    const gl = this.gl;
    const reading = this.reading;
    if (gl === null || reading === null || this.buffer === null) return;
    if (reading.sync !== null) {
      if (gl.getSyncParameter(reading.sync, gl.SYNC_STATUS) !== gl.SIGNALED) return;
      gl.deleteSync(reading.sync);
      reading.sync = null;
    }
    const { width, height, id } = reading;
    const rowBytes = width * 4;
    if (this.pixels === null || this.pixels.length !== rowBytes * height) this.pixels = new Uint8ClampedArray(rowBytes * height);
    const rows = Math.min(height - reading.rows, ROWS_PER_FRAME);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.buffer);
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, reading.rows * rowBytes, this.pixels, reading.rows * rowBytes, rows * rowBytes);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    reading.rows += rows;
    if (reading.rows < height) return;
    this.reading = null;
    const pixels = this.pixels;
    if (this.worker !== null) {
      // The buffer travels to the worker and comes back with the bitmap.
      this.pixels = null;
      this.worker.postMessage({ id, width, height, pixels }, [pixels.buffer]);
    } else {
      // WebGL's rows run bottom up.
      createImageBitmap(new ImageData(pixels, width, height), { imageOrientation: 'flipY', premultiplyAlpha: 'none' }).then(
        (bitmap) => this.present(id, bitmap, width, height),
        () => undefined,
      );
    }
  }

  /** Puts a finished bitmap on screen, unless a newer picture was asked for meanwhile. */
  private present(id: number, bitmap: ImageBitmap, width: number, height: number): void {
    if (id !== this.asked || this.context === null) return bitmap.close();
    this.element.width = width;
    this.element.height = height;
    // The canvas's own CSS size (its pixels over the device pixel ratio), so that both line up pixel for pixel.
    this.element.style.width = this.canvas.style.width || '100%';
    this.element.style.height = this.canvas.style.height || '100%';
    this.context.transferFromImageBitmap(bitmap);
    this.shownId = id;
    this.setShown(true);
  }

  /** Whether read-back `id` is the picture on screen. */
  ready(id: number): boolean {
    return this.shown && this.shownId === id;
  }

  /** Hides the picture (the camera moves: the canvas draws everything); read-backs on their way are dropped. */
  hide(): void {
    this.asked++;
    this.dropReading();
    this.setShown(false);
  }

  /**
   * Forgets the read-back's objects after the WebGL context was lost and restored (they belonged
   * to the lost one) and hides the picture.
   */
  reset(): void {
    this.reading = null;
    this.buffer = null;
    this.bufferBytes = 0;
    this.hide();
  }

  destroy(): void {
    this.hide();
    this.worker?.terminate();
    if (this.buffer !== null && this.gl !== null && !this.gl.isContextLost()) this.gl.deleteBuffer(this.buffer);
    this.buffer = null;
    this.element.remove();
  }

  private dropReading(): void {
    if (this.reading?.sync != null) this.gl?.deleteSync(this.reading.sync);
    this.reading = null;
  }

  private setShown(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.element.style.visibility = shown ? 'visible' : 'hidden';
  }
}
