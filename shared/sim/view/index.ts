/**
 * The team view: what one team may see of its game (teamView.ts), the shapes it is sent in
 * (types.ts), the rules that decide what it shows (thresholds, limits, precisions), and the
 * figures a game ends with (result.ts).
 */
export { teamView } from './teamView';
export type * from './types';
export { COMPLAINT_LEVELS, EXTRA_FIGURES } from './types';
export { FIGURE_DIGITS, ROUGH_USER_DIGITS, SHARE_DECIMALS, significant } from './figures';
export { servingNow } from './components';
export { diskFigures } from './disk';
export { TIER_ORDER } from './aggregated';
export { ALERT_THRESHOLDS } from './alerts';
export { COMPLAINT_ERROR_RATES, COMPLAINT_LATENCY_FACTORS, complaintsOf } from './complaints';
export { FEED_LIMIT, loggedEntry } from './feed';
export { SLOWEST_LIMIT, lossFigures, type LossFigures } from './loss';
export { peakDailyUsers, teamResult, teamScore, shownScore, type TeamResultFigures, type TeamScore } from './result';
