/**
 * A uPlot chart in a box: made once per `deps` from the options `build` gives for the box's size,
 * fed new data with setData (no rebuild per tick), following the box's size, destroyed with it.
 * The game's charts, the match results' and the room debrief's all draw this way.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartSize {
  width: number;
  height: number;
}

export function useUplot(
  build: (size: ChartSize, box: HTMLDivElement) => uPlot.Options,
  data: uPlot.AlignedData,
  deps: readonly unknown[],
  smallest: ChartSize,
) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const size = () => ({
      width: Math.max(smallest.width, Math.floor(el.clientWidth)),
      height: Math.max(smallest.height, Math.floor(el.clientHeight)),
    });
    const u = new uPlot(build(size(), el), latest.current, el);
    plot.current = u;
    const observer = new ResizeObserver(() => u.setSize(size()));
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
    // `build` is a new function every render: the caller's deps say when it draws differently.
  }, deps);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return box;
}
