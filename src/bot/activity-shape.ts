/**
 * The shape an incoming activity must have before any handler reads it. The handlers trust these
 * field types (`channelData.tenant.id` is a string, `membersAdded` an array …); a crafted activity
 * that breaks them is answered 400 here instead of failing inside a handler, and nothing is stored.
 */
type Json = unknown;

const isObject = (x: Json): x is Record<string, Json> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const optString = (x: Json) => x === undefined || typeof x === 'string';
const optObject = (x: Json) => x === undefined || isObject(x);
/** An optional object whose listed fields, when present, are strings. */
const optObjectOfStrings = (x: Json, fields: readonly string[]) =>
  x === undefined || (isObject(x) && fields.every((f) => optString(x[f])));

/** Why an activity is malformed (for the log), or null when its shape is fine. */
export function activityShapeProblem(body: Json): string | null {
  if (!isObject(body)) return 'not an object';
  if (typeof body.type !== 'string' || !body.type) return 'type';
  if (typeof body.serviceUrl !== 'string' || !body.serviceUrl) return 'serviceUrl';
  const c = body.conversation;
  if (!isObject(c) || typeof c.id !== 'string' || !c.id) return 'conversation';
  if (!optString(c.tenantId) || !optString(c.conversationType)) return 'conversation';
  if (!optObjectOfStrings(body.from, ['id', 'name', 'aadObjectId'])) return 'from';
  if (!optObjectOfStrings(body.recipient, ['id', 'name'])) return 'recipient';
  for (const f of ['text', 'locale', 'channelId', 'id', 'name', 'replyToId', 'action'])
    if (!optString(body[f])) return f;
  const cd = body.channelData;
  if (!optObject(cd)) return 'channelData';
  if (isObject(cd)) {
    for (const f of ['tenant', 'team', 'channel'])
      if (!optObjectOfStrings(cd[f], ['id', 'name', 'type', 'aadGroupId', 'tenantId']))
        return `channelData.${f}`;
  }
  for (const list of ['membersAdded', 'membersRemoved']) {
    const m = body[list];
    if (m !== undefined && (!Array.isArray(m) || !m.every((x) => optObjectOfStrings(x, ['id', 'name']))))
      return list;
  }
  if (body.value !== undefined && !isObject(body.value) && typeof body.value !== 'string') return 'value';
  if (isObject(body.value) && !optObject(body.value.action)) return 'value.action';
  if (body.entities !== undefined && !Array.isArray(body.entities)) return 'entities';
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) return 'attachments';
  return null;
}
