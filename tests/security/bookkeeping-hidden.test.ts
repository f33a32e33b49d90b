/**
 * The store's bookkeeping never reaches a reader: records held pending in an initiative (audit
 * events and notifications that name people by object id) and who was reminded stay on the server.
 */
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { seed, USERS } from '../tab/support/seed';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
  await seed(api.deps, { count: 10, history: true });
});
afterAll(() => api.close());

it('shows neither pending records nor reminded members in the initiative page or the lists', async () => {
  const [i] = (await api.deps.store.initiatives.list({ by: 'status', value: 'submitted' })).items;
  await api.deps.store.initiatives.update({
    ...i!,
    remindedMemberIds: [USERS.per.objectId],
    pendingRecords: {
      events: [
        {
          id: 'e1',
          initiativeId: i!.id,
          kind: 'stance_set',
          at: '2026-03-01T10:00:00.000Z',
          actor: { objectId: USERS.per.objectId, name: USERS.per.name },
        },
      ],
      notifications: [],
    },
  });
  const page = await api.get(`/api/initiatives/${i!.ref}`, USERS.maria);
  expect(page.status).toBe(200);
  const text = JSON.stringify(page.body);
  expect(text).not.toContain('pendingRecords');
  expect(text).not.toContain('remindedMemberIds');
  expect(text).not.toContain(USERS.per.objectId);
  const list = await api.get('/api/initiatives?status=submitted', USERS.maria);
  expect(JSON.stringify(list.body)).not.toContain(USERS.per.objectId);
});
