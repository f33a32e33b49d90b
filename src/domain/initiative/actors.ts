/** Roles a person holds in the process, from configuration and the channel rosters. */
export type Role = 'rug_member' | 'rug_chair' | 'rug_secretary' | 'beredning' | 'admin';
