/**
 * The diagram's input: hovering and selecting boxes, drawing a connection (a click on a second box
 * after the inspector's "pick on the diagram", or a drag from the selected box to its target, with
 * the rubber band that follows the pointer meanwhile), panning and zooming through the CameraRig,
 * and the keys Esc (call a connection off) and F (frame the diagram). It reads what the scene draws
 * (its layout and team view) and writes back only through the shared uiState and `connect`.
 */
import Phaser from 'phaser';
import { USERS, type TeamView } from '../../shared/sim';
import { ALLOWED_LINKS } from '../../shared/sim/core/topology';
import type { Store } from '../state/store';
import type { UiState } from '../state/uiState';
import { DRAG_THRESHOLD, type CameraRig } from './CameraRig';
import { nodeAt, type Layout } from './layout';
import { PALETTE } from './palette';

/** What the input needs of the scene that owns it. */
export interface DiagramInputHost {
  readonly ui: Store<UiState>;
  readonly rig: CameraRig;
  /** The layout and the team view drawn now (null before the first game state). */
  layout(): Layout | null;
  view(): TeamView | null;
  /** Sends `connect` from one component to another. */
  connect(from: string, to: string): void;
  /** The box under the pointer changed: the scene redraws its highlights. */
  hoverChanged(): void;
}

/** Two clicks on empty ground within this many milliseconds frame the diagram. */
const DOUBLE_CLICK_MS = 350;

/** Ids of the boxes a connection from `from` may go to (the sim's ALLOWED_LINKS), not yet connected. */
export function connectTargets(view: TeamView | null, from: string): Set<string> {
  const targets = new Set<string>();
  if (view === null) return targets;
  const source = view.components.find((c) => c.id === from);
  const kinds = from === USERS ? ALLOWED_LINKS.users : source !== undefined ? ALLOWED_LINKS[source.kind] : [];
  for (const c of view.components) {
    if (c.id === from || !kinds.includes(c.kind)) continue;
    if (source?.targets.includes(c.id)) continue;
    if (from === USERS && view.entries[c.region] === c.id) continue;
    targets.add(c.id);
  }
  return targets;
}

export class DiagramInput {
  private hoveredId: string | null = null;
  private pointerWorld = { x: 0, y: 0 };
  private lastClick = 0;
  /** A press on the selected box, which becomes a connection when dragged (else a click). */
  private connectDrag: { from: string; x: number; y: number; active: boolean } | null = null;
  private readonly rubberBand: Phaser.GameObjects.Graphics;
  private readonly unbind: Array<() => void> = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly host: DiagramInputHost,
    linkLayer: Phaser.GameObjects.Layer,
  ) {
    this.rubberBand = scene.add.graphics();
    linkLayer.add(this.rubberBand);
    this.bind();
  }

  /** The component box under the pointer (not the users' and DNS boxes), if any. */
  get hovered(): string | null {
    return this.hoveredId;
  }

  /** Once a frame: the rubber band follows the pointer while a connection is drawn. */
  update(): void {
    const g = this.rubberBand;
    g.clear();
    const from = this.host.ui.get().connectingFrom;
    const layout = this.host.layout();
    const box = from === null || layout === null ? undefined : layout.byId.get(from);
    if (box === undefined) return;
    const zoom = this.scene.cameras.main.zoom;
    g.lineStyle(2.5 / zoom, PALETTE.connectTarget, 0.9);
    g.lineBetween(box.x + box.w / 2, box.y + box.h, this.pointerWorld.x, this.pointerWorld.y);
    g.fillStyle(PALETTE.connectTarget, 1);
    g.fillCircle(this.pointerWorld.x, this.pointerWorld.y, 4 / zoom);
  }

  destroy(): void {
    for (const stop of this.unbind.splice(0)) stop();
  }

  private bind(): void {
    const input = this.scene.input;
    const { ui, rig } = this.host;
    input.on(Phaser.Input.Events.POINTER_DOWN, (p: Phaser.Input.Pointer) => {
      // Dragging from the selected box draws a connection; dragging anywhere else pans.
      const id = this.componentAt(p.x, p.y);
      const state = ui.get();
      if (id !== null && id === state.selected && state.connectingFrom === null && connectTargets(this.host.view(), id).size > 0)
        this.connectDrag = { from: id, x: p.x, y: p.y, active: false };
      else rig.pointerDown(p.x, p.y);
    });
    input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      const drag = this.connectDrag;
      if (drag !== null && !drag.active && p.isDown && Math.hypot(p.x - drag.x, p.y - drag.y) >= DRAG_THRESHOLD) {
        drag.active = true;
        ui.update((s) => ({ ...s, connectingFrom: drag.from }));
      }
      rig.pointerMove(p.x, p.y, p.isDown);
      this.pointerWorld = this.toWorld(p.x, p.y);
      const hovered = this.componentAt(p.x, p.y);
      if (hovered !== this.hoveredId) {
        this.hoveredId = hovered;
        this.host.hoverChanged();
      }
      this.scene.game.canvas.style.cursor = rig.dragging ? 'grabbing' : hovered !== null ? 'pointer' : 'default';
    });
    input.on(Phaser.Input.Events.POINTER_UP, (p: Phaser.Input.Pointer) => {
      const drag = this.connectDrag;
      this.connectDrag = null;
      // A drag from the selected box ends like the second click of click-to-connect; let go
      // over the box it started from, it is called off.
      if (drag?.active === true && this.componentAt(p.x, p.y) === drag.from) ui.update((s) => ({ ...s, connectingFrom: null }));
      else if (drag !== null || rig.pointerUp()) this.click(p.x, p.y);
      this.scene.game.canvas.style.cursor = 'default';
    });
    input.on(Phaser.Input.Events.POINTER_WHEEL, (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) =>
      rig.wheel(p.x, p.y, dy),
    );
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (event.key === 'Escape' && ui.get().connectingFrom !== null) ui.update((s) => ({ ...s, connectingFrom: null }));
      if (event.key === 'f' || event.key === 'F') rig.reset();
    };
    window.addEventListener('keydown', onKey);
    this.unbind.push(() => window.removeEventListener('keydown', onKey));
  }

  /** World point under a screen point (the camera zooms about the view's centre). */
  private toWorld(x: number, y: number): { x: number; y: number } {
    const cam = this.scene.cameras.main;
    return {
      x: (x - cam.width / 2) / cam.zoom + cam.width / 2 + cam.scrollX,
      y: (y - cam.height / 2) / cam.zoom + cam.height / 2 + cam.scrollY,
    };
  }

  /** The box under a screen point, if any (users' and DNS boxes included). */
  private nodeAt(x: number, y: number) {
    const world = this.toWorld(x, y);
    const layout = this.host.layout();
    return layout === null ? null : nodeAt(layout.nodes, world.x, world.y);
  }

  /** The component box under a screen point (not the users' and DNS boxes, whose ids have a colon), if any. */
  private componentAt(x: number, y: number): string | null {
    const node = this.nodeAt(x, y);
    return node !== null && !node.id.includes(':') ? node.id : null;
  }

  private click(x: number, y: number): void {
    const node = this.nodeAt(x, y);
    const componentId = this.componentAt(x, y);
    const { ui } = this.host;
    const state = ui.get();
    if (state.connectingFrom !== null) {
      if (componentId !== null && componentId !== state.connectingFrom) {
        this.host.connect(state.connectingFrom, componentId);
        ui.update((s) => ({ ...s, connectingFrom: null }));
      } else if (componentId === null) ui.update((s) => ({ ...s, connectingFrom: null }));
      return;
    }
    const now = this.scene.time.now;
    if (componentId === null && node === null && now - this.lastClick < DOUBLE_CLICK_MS) this.host.rig.reset();
    this.lastClick = now;
    if (state.selected !== componentId) ui.update((s) => ({ ...s, selected: componentId }));
  }
}
