/** The join link as a QR code: dark modules on a light plate (what every phone camera reads). */
import { useMemo } from 'preact/hooks';
import { qrDrawing } from './qrPath';

export function JoinQr({ link, label, size }: { link: string; label: string; size: number }) {
  const qr = useMemo(() => qrDrawing(link), [link]);
  return (
    <svg
      class="su-ws-qr"
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect class="su-ws-qr-plate" width={qr.size} height={qr.size} />
      <path class="su-ws-qr-dots" d={qr.d} />
    </svg>
  );
}
