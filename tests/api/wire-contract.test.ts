/**
 * The tab keeps its own copy of the API's JSON shapes (it may not import server code). This file
 * does not compile when the copies drift apart in either direction, so `npm run typecheck` catches
 * it; the test below only makes jest count it.
 */
import type * as Server from '../../src/api/wire';
import type * as Tab from '../../src/tab/api/wire';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: {
  row: Same<Server.InitiativeRow, Tab.InitiativeRow>;
  page: Same<Server.InitiativePage, Tab.InitiativePage>;
  detail: Same<Server.InitiativeDetail, Tab.InitiativeDetail>;
  timeline: Same<Server.TimelineEvent, Tab.TimelineEvent>;
  me: Same<Server.Me, Tab.Me>;
  todo: Same<Server.Todo, Tab.Todo>;
  stats: Same<Server.Stats, Tab.Stats>;
  annual: Same<Server.AnnualReport, Tab.AnnualReport>;
} = { row: true, page: true, detail: true, timeline: true, me: true, todo: true, stats: true, annual: true };

it('server and tab agree on every API shape', () => {
  expect(Object.values(checks).every(Boolean)).toBe(true);
});
