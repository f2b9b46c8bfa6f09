/** Most severe first; used for sorting everywhere. A module of its own so the HTML report's page script can use it without zod. */
export const SEVERITY_ORDER = ['blocker', 'major', 'minor', 'info'] as const;
