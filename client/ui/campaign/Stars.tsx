/** One to three stars, earned ones filled: the campaign's measure of how well a chapter went. */
import { Icon } from '../Icon';

export function Stars({ count, size }: { count: number; size?: number }) {
  return (
    <span class="su-stars" aria-hidden="true">
      {[1, 2, 3].map((star) => (
        <Icon key={star} name={star <= count ? 'star' : 'starEmpty'} size={size} class={star <= count ? 'su-star-on' : 'su-star-off'} />
      ))}
    </span>
  );
}
