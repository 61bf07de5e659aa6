/**
 * The system diagram: a Phaser 4 scene that draws the watched team's components by region and
 * tier, the edges between them, and the traffic flowing along the edges. It reads the game store
 * of a GameClient and the shared uiState, and writes back only through them (its pointer and
 * keys are DiagramInput's: selection, drawing a connection, panning and zooming).
 * `createDiagram` (mountDiagram.ts) mounts it in a page element: WebGL, following its size, drawn at
 * device resolution (the canvas is devicePixelRatio times larger and shown at CSS size, so text
 * and lines stay sharp on HiDPI screens), on the page's dark background.
 */
import Phaser from 'phaser';
import type { Command, TeamView } from '../../shared/sim';
import type { GameModel } from '../state/model';
import type { Store } from '../state/store';
import { stageRect, type StageRect } from '../state/stageRect';
import { uiState as sharedUiState, type UiState } from '../state/uiState';
import { Backdrop } from './Backdrop';
import { Captions, type ScreenRect } from './Captions';
import { CameraRig } from './CameraRig';
import { componentCard, dnsCard, usersCard } from './cardModel';
import { pixelRatio } from './display';
import { DiagramInput, connectTargets } from './DiagramInput';
import { describeDiagram, type DiagramDescription } from './diagramDescription';
import { diagramEdges, routesOf, type DiagramEdge } from './edges';
import { edgeTraffic } from './edgeTraffic';
import { GlyphLoader } from './glyphs';
import { englishLabels, type DiagramLabels } from './labels';
import { dnsNodeId, layoutDiagram, usersNodeId, type Layout, type LayoutState } from './layout';
import { NodeCard, PRIMARY_TEXT, SECONDARY_TEXT, type CardLayers, type Highlight } from './NodeCard';
import { PALETTE } from './palette';
import { edgePaths } from './paths';
import { scenarioFacts, type ScenarioFacts } from './scenarioFacts';
import { StaticCache } from './StaticCache';
import { countFrame, frameRateWatch } from './frameRateWatch';
import { createTextures } from './textures';
import { TrafficLayer } from './TrafficLayer';

/** What the diagram needs of a GameClient (the dev pages' local game feeds it too). */
export interface DiagramClient {
  readonly game: Store<GameModel | null>;
  send(command: Command): number;
}

export interface DiagramOptions {
  /** Multisampled edges (default: on, except on a software renderer, where it costs ~10× the frame time). */
  multisample?: boolean;
  /** The page's translations (default: English from the locale file). */
  labels?: DiagramLabels;
  /** The UI state shared with the DOM panels (default: the app's uiState store). */
  ui?: Store<UiState>;
  /** The part of the viewport the DOM panels leave free, CSS pixels (default: the app's stageRect). */
  stage?: Store<StageRect>;
}

/**
 * The smallest text drawn, CSS pixels. The level of detail follows from it: counts and detail
 * lines are shown while they are at least this size on screen, names and figures likewise, and
 * below that cards become plain tiles in their state's colour (see NodeCard.setFar).
 */
const MIN_TEXT_PX = 11;

export class DiagramScene extends Phaser.Scene {
  private readonly labels: DiagramLabels;
  private readonly ui: Store<UiState>;
  private readonly stage: Store<StageRect>;
  private layers!: CardLayers & {
    still: Phaser.GameObjects.Layer;
    back: Phaser.GameObjects.Layer;
    lines: Phaser.GameObjects.Layer;
    dots: Phaser.GameObjects.Layer;
    overlay: Phaser.GameObjects.Layer;
    link: Phaser.GameObjects.Layer;
  };
  private traffic!: TrafficLayer;
  private stillCopy!: StaticCache;
  private linesVersion = -1;
  private readonly frameRate = frameRateWatch();
  private reduced = false;
  /** The connection and selection the still picture was last asked for. */
  private highlighted: { connecting: string | null; selected: string | null } = { connecting: null, selected: null };
  private backdrop!: Backdrop;
  private captions!: Captions;
  private rig!: CameraRig;
  private interaction!: DiagramInput;
  private readonly cards = new Map<string, NodeCard>();
  private readonly layoutStates = new Map<string, LayoutState>();
  private layout: Layout | null = null;
  private facts: ScenarioFacts | null = null;
  private view: TeamView | null = null;
  private team: string | null = null;
  private edges: DiagramEdge[] = [];
  private geometryKey = '';
  /** Camera pixels per CSS pixel, and the stage (the part of the canvas the panels leave free) in camera pixels. */
  private ratio = pixelRatio();
  private stageView: ScreenRect | null = null;
  private readonly unsubscribe: Array<() => void> = [];
  /** Redraws every text once the font files for new characters (Hangul) have arrived. */
  private readonly glyphs = new GlyphLoader(() => this.redrawTexts());

  constructor(
    private readonly client: DiagramClient,
    options: DiagramOptions = {},
  ) {
    super({ key: 'diagram' });
    this.labels = options.labels ?? englishLabels;
    this.ui = options.ui ?? sharedUiState;
    this.stage = options.stage ?? stageRect;
  }

  /** Dots drawn in the last frame (for the dev page and tests). */
  get dotCount(): number {
    return this.traffic?.dotCount ?? 0;
  }

  /** What the diagram shows now, for browser tests and the dev page (see describeDiagram). */
  describe(): DiagramDescription {
    return describeDiagram({
      camera: this.cameras.main,
      canvas: this.game.canvas,
      width: this.scale.width,
      cards: this.cards.values(),
      shownLayers: this.layers,
      labels: this.captions.describe(),
      edges: this.edges.map((e) => e.id),
      dots: this.dotCount,
      reducedEffects: this.reduced,
    });
  }

  create(): void {
    createTextures(this);
    const layer = () => this.add.layer();
    this.layers = {
      still: layer(),
      back: layer(),
      lines: layer(),
      dots: layer(),
      glow: layer(),
      body: layer(),
      marks: layer(),
      text: layer(),
      detail: layer(),
      badges: layer(),
      overlay: layer(),
      // The connection being drawn follows the pointer: always live, over everything.
      link: layer(),
    };
    this.backdrop = new Backdrop(this, this.layers.back);
    this.captions = new Captions(this, this.layers.overlay);
    this.traffic = new TrafficLayer(this, this.layers.lines, this.layers.dots);
    const { still, back, lines, glow, body, marks, text, detail, badges, overlay } = this.layers;
    this.stillCopy = new StaticCache(
      this,
      {
        under: [back, lines],
        cards: [glow, body, marks, text, detail, badges],
        over: [overlay],
        host: still,
        prepare: () => this.traffic.flushLines(),
      },
      PALETTE.background,
    );
    this.rig = new CameraRig(this.cameras.main);
    this.cameras.main.setBackgroundColor(PALETTE.background);
    this.interaction = new DiagramInput(
      this,
      {
        ui: this.ui,
        rig: this.rig,
        layout: () => this.layout,
        view: () => this.view,
        connect: (from, to) => this.client.send({ type: 'connect', from, to }),
        hoverChanged: () => this.updateHighlights(),
      },
      this.layers.link,
    );
    this.unsubscribe.push(
      this.client.game.subscribe(() => this.refresh()),
      this.ui.subscribe(() => {
        this.refresh();
        this.updateHighlights();
      }),
      this.labels.subscribe(() => this.redrawTexts()),
    );
    this.unsubscribe.push(this.stage.subscribe(() => this.fitStage()));
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.fitStage());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
  }

  override update(time: number, delta: number): void {
    const reduced = this.followEffects(delta);
    this.rig.update(delta);
    const cam = this.cameras.main;
    const zoom = cam.zoom;
    const view = {
      x: cam.scrollX + (cam.width / 2) * (1 - 1 / zoom),
      y: cam.scrollY + (cam.height / 2) * (1 - 1 / zoom),
      w: cam.width / zoom,
      h: cam.height / zoom,
    };
    this.traffic.update(time, delta, zoom, view);
    const margin = 24;
    // Level of detail by the size texts would have on screen, not by zoom alone.
    const css = zoom / this.ratio;
    const names = PRIMARY_TEXT * css >= MIN_TEXT_PX;
    const details = SECONDARY_TEXT * css >= MIN_TEXT_PX;
    for (const card of this.cards.values()) {
      const b = card.bounds;
      card.setCulled(
        b.x + b.w < view.x - margin || b.x > view.x + view.w + margin || b.y + b.h < view.y - margin || b.y > view.y + view.h + margin,
      );
      card.setFar(!names);
      card.setStill(reduced);
      card.setTextsShown(names);
      card.tick(time, delta / 1000);
    }
    this.layers.detail.setVisible(details);
    this.layers.text.setVisible(names);
    if (this.captions.update(cam, this.stageView ?? { x: 0, y: 0, w: cam.width, h: cam.height })) this.stillCopy.invalidate();
    this.interaction.update();
    if (this.traffic.linesVersion !== this.linesVersion) {
      this.linesVersion = this.traffic.linesVersion;
      this.stillCopy.touch();
    }
    this.stillCopy.update(delta, this.cards, reduced);
  }

  /**
   * Whether effects are reduced now; while the player has not chosen, switches them on (with the
   * button's notice) once the frame rate has stayed low.
   */
  private followEffects(delta: number): boolean {
    const ui = this.ui.get();
    if (ui.reducedEffects === 'auto' && countFrame(this.frameRate, delta))
      this.ui.update((u) => (u.reducedEffects === 'auto' ? { ...u, reducedEffects: 'on', effectsNotice: true } : u));
    const reduced = this.ui.get().reducedEffects === 'on';
    this.traffic.setReduced(reduced);
    this.reduced = reduced;
    return reduced;
  }

  /** Frames into the stage: the page area the panels leave free, in camera pixels. */
  private fitStage(): void {
    const stage = this.stage.get();
    const canvas = this.game.canvas.getBoundingClientRect();
    const ratio = canvas.width > 0 ? this.scale.width / canvas.width : this.ratio;
    if (Math.abs(ratio - this.ratio) > 1e-3) {
      // Another screen: the names are drawn again at its resolution.
      this.ratio = ratio;
      this.captions.invalidate();
      this.geometryKey = '';
      this.refresh();
    } else this.drawCaptions();
    if (stage.width <= 0 || stage.height <= 0 || canvas.width <= 0) {
      this.rig.setViewport(null);
      this.stageView = null;
      return;
    }
    const sx = this.scale.width / canvas.width;
    const sy = this.scale.height / canvas.height;
    const x0 = Math.max(0, (stage.x - canvas.left) * sx);
    const y0 = Math.max(0, (stage.y - canvas.top) * sy);
    const x1 = Math.min(this.scale.width, (stage.x + stage.width - canvas.left) * sx);
    const y1 = Math.min(this.scale.height, (stage.y + stage.height - canvas.top) * sy);
    this.stageView = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    this.rig.setViewport(this.stageView);
  }

  /** The lane and region names for the layout (again only when it, the language or the page's size class changed), and room for them in the framing. */
  private drawCaptions(): void {
    if (this.layout === null || this.facts === null) return;
    this.captions.draw(this.layout, this.facts.names, this.labels, this.ratio);
    this.rig.setReserve({ left: this.captions.gutter, top: this.captions.header }, this.ratio);
  }

  /** Draws every card and label again (a language switch, or font files that arrived). */
  private redrawTexts(): void {
    if (!this.sys.isActive()) return;
    for (const card of this.cards.values()) card.destroy();
    this.cards.clear();
    this.geometryKey = '';
    this.backdrop.invalidate();
    this.captions.invalidate();
    this.stillCopy.invalidate();
    this.refresh();
  }

  /** Rebuilds what changed from the latest game model. */
  private refresh(): void {
    const model = this.client.game.get();
    const ui = this.ui.get();
    const team = model === null ? null : (ui.watchedTeam ?? model.me.team ?? model.teamIds[0] ?? null);
    const view = model !== null && team !== null ? (model.teams[team] ?? null) : null;
    if (team !== this.team) {
      for (const card of this.cards.values()) card.destroy();
      this.cards.clear();
      this.geometryKey = '';
      this.team = team;
    }
    this.view = view;
    if (model === null || view === null || team === null) {
      this.layout = null;
      this.geometryKey = '';
      this.traffic.setEdges([], new Map());
      this.stillCopy.setLaidOut(false);
      return;
    }
    const facts = scenarioFacts(model.scenario, view);
    this.facts = facts;
    const layout = layoutDiagram(this.layoutStates.get(team) ?? null, facts.regions, view.components);
    this.layoutStates.set(team, layout.state);
    this.layout = layout;
    const regions = layout.state.regions;
    const edges = diagramEdges(view, regions, facts.rtt);
    this.edges = edges;
    const key = JSON.stringify([layout.nodes.map((n) => [n.id, n.x, n.y]), edges.map((e) => e.id)]);
    const geometryChanged = key !== this.geometryKey;
    if (geometryChanged) {
      this.geometryKey = key;
      this.traffic.setEdges(edges, edgePaths(edges, layout.byId));
      this.backdrop.draw(layout);
      this.drawCaptions();
      this.rig.setContent(layout.bounds, this.cards.size === 0);
      this.stillCopy.setLaidOut(true);
    }
    this.stillCopy.touch();
    const traffic = edgeTraffic(view, regions, edges, facts.traffic);
    this.traffic.setTraffic(traffic);
    const texts = this.syncCards(layout, view, (region) => traffic.get(`${usersNodeId(region)}>${dnsNodeId(region)}`)?.rate ?? 0);
    this.glyphs.ensure(texts + this.captions.text);
    this.updateHighlights();
  }

  /** Creates, updates and removes cards; returns all the text they show. */
  private syncCards(layout: Layout, view: TeamView, usersRate: (region: string) => number): string {
    const components = new Map(view.components.map((c) => [c.id, c]));
    let texts = '';
    const seen = new Set<string>();
    const regions = layout.state.regions;
    for (const node of layout.nodes) {
      seen.add(node.id);
      let card = this.cards.get(node.id);
      if (card === undefined) {
        card = new NodeCard(this, this.layers, node);
        this.cards.set(node.id, card);
      } else card.setBox(node);
      const component = components.get(node.id);
      let content;
      if (component !== undefined) content = componentCard(component, this.labels);
      else if (node.kind === 'users') content = usersCard(usersRate(node.region), this.labels);
      else {
        const routes = routesOf(view, regions, node.region, this.facts?.rtt);
        content = dnsCard(
          node.region,
          routes.map((r) => components.get(r.to)?.region ?? node.region),
          this.labels,
        );
      }
      card.setContent(content);
      texts += content.title + content.subtitle + content.figure;
    }
    for (const [id, card] of this.cards) {
      if (seen.has(id)) continue;
      card.destroy();
      this.cards.delete(id);
    }
    return texts;
  }

  private updateHighlights(): void {
    const ui = this.ui.get();
    const connecting = ui.connectingFrom;
    const targets = connecting === null ? new Set<string>() : connectTargets(this.view, connecting);
    for (const [id, card] of this.cards) {
      let h: Highlight = 'none';
      if (connecting !== null && id === connecting) h = 'source';
      else if (targets.has(id)) h = 'target';
      else if (connecting === null && id === ui.selected) h = 'selected';
      else if (id === this.interaction.hovered) h = 'hover';
      card.setHighlight(h, connecting !== null && h === 'none');
    }
    this.traffic.setFocus(ui.selected);
    // Connecting dims every card that cannot take the link: the picture is wrong at once. A new
    // selection shows at once (its ring is drawn live, a signal) and its brighter lines reach the picture
    // with the next one; the card under the pointer is drawn live over the picture.
    if (connecting !== this.highlighted.connecting) this.stillCopy.invalidate();
    else if (ui.selected !== this.highlighted.selected) this.stillCopy.refresh();
    this.highlighted = { connecting, selected: ui.selected };
  }

  private teardown(): void {
    for (const stop of this.unsubscribe.splice(0)) stop();
    this.interaction.destroy();
    this.captions.destroy();
    this.stillCopy.destroy();
    for (const card of this.cards.values()) card.destroy();
    this.cards.clear();
  }
}
