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

/**
 * Links from meeting cards to the meeting's page in the tab. In Teams the sub-entity id carries
 * `meeting:<id>`, which the tab's router opens as the meeting page.
 */
export function meetingLinkBuilder(config: Config): (meetingId: string) => string {
  if (config.mode === 'local') return (id) => `${config.publicUrl}/tab/#/meetings/${encodeURIComponent(id)}`;
  const forRef = tabLinkBuilder(config);
  return (id) => forRef(`meeting:${id}`);
}
