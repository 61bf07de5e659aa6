// Placeholder until the banner is built: the props are the contract App.tsx uses.
import type { HintModel } from '../../state/model';

export function HintBanner(_props: { hints: readonly HintModel[] }) {
  return null;
}
