/**
 * Turns the still picture's pixels (read back from WebGL, rows bottom up) into an ImageBitmap the
 * right way up, off the page's thread: at 1920×1080 that copy and flip would hold a frame up for
 * several milliseconds. The pixels come in transferred and go back with the bitmap, to be reused.
 */

interface PictureRequest {
  id: number;
  width: number;
  height: number;
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

// Typed by hand: the project's TypeScript lib is the page's (DOM), not a worker's.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PictureRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: { id, width, height, pixels } }) => {
  createImageBitmap(new ImageData(pixels, width, height), { imageOrientation: 'flipY', premultiplyAlpha: 'none' }).then(
    (bitmap) => scope.postMessage({ id, bitmap, pixels }, [bitmap, pixels.buffer]),
    () => scope.postMessage({ id, bitmap: null, pixels }, [pixels.buffer]),
  );
};
