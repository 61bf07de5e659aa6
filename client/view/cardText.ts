/**
 * The texts on the diagram's cards: one font, drawn at twice the world size (crisp when zoomed in
 * to 2×), and a name that does not fit shortened rather than shrunk.
 */
import type Phaser from 'phaser';
import { cssColour } from './palette';

export const FONT_FAMILY = "'Noto Sans KR', system-ui, sans-serif";
/** Text textures at twice the world size: crisp when zoomed in to 2×. */
const TEXT_RESOLUTION = 2;

/** An empty text of the cards' font at `size` world pixels. */
export function cardText(scene: Phaser.Scene, size: number, bold: boolean, colour: number): Phaser.GameObjects.Text {
  return scene.add.text(0, 0, '', {
    fontFamily: FONT_FAMILY,
    fontSize: `${size}px`,
    fontStyle: bold ? 'bold' : 'normal',
    color: cssColour(colour),
    resolution: TEXT_RESOLUTION,
  });
}

/**
 * Sets a text, in its one size, to fit `room` world pixels: as it is, else as `short`, else
 * shortened with an ellipsis (before a closing number, which names the component: "Message qu… 12").
 */
export function fitText(target: Phaser.GameObjects.Text, value: string, room: number, short?: string): void {
  target.setText(value);
  if (target.width <= room) return;
  if (short !== undefined && short !== value) {
    target.setText(short);
    if (target.width <= room) return;
    value = short;
  }
  const [, head = value, tail = ''] = /^(.*?)(\s+\d+)?$/.exec(value) ?? [];
  for (let cut = head.length - 1; cut >= 1; cut--) {
    target.setText(`${head.slice(0, cut).trimEnd()}…${tail}`);
    if (target.width <= room) return;
  }
}
