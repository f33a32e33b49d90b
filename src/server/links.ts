import type { Config } from '../config';
import type { LinkFor } from '../cards/view-models';

/** Entity id of the personal tab in the manifest. */
export const TAB_ENTITY_ID = 'initiativ';

/**
 * Links from cards to an initiative in the tab: a Teams deep link in production (opens the tab
 * inside Teams), the tab's own URL in local mode where no Teams client can follow a deep link.
 */
export function tabLinkBuilder(config: Config): LinkFor {
  if (config.mode === 'local')
    return (ref) => `${config.publicUrl}/tab/#/initiatives/${encodeURIComponent(ref)}`;
  return (ref) => {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: ref }));
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.microsoft.teamsAppId)}/${TAB_ENTITY_ID}?context=${context}`;
  };
}
