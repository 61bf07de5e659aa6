/** A component's state as the inspector and the system list show it: health when monitored, else the console's status. */
import type { ComponentView } from '../../../shared/sim';
import type { Tone } from '../header/headerFigures';

export function healthLook(c: ComponentView): { tone: Tone; key: string } {
  if (c.status === 'provisioning') return { tone: 'neutral', key: 'health.provisioning' };
  if (c.metrics !== null) {
    const tone: Tone = c.metrics.health === 'healthy' ? 'good' : c.metrics.health === 'degraded' ? 'warn' : 'bad';
    if (c.status === 'restarting' && c.metrics.health !== 'dead') return { tone: 'warn', key: 'health.restarting' };
    return { tone, key: `health.${c.metrics.health}` };
  }
  // Without host metrics the console only knows what was ordered, not whether it is healthy.
  return c.status === 'restarting' ? { tone: 'warn', key: 'health.restarting' } : { tone: 'neutral', key: 'health.ok' };
}
