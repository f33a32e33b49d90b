/**
 * The store's repositories with every successful write also applied to the replica, so a person
 * sees their own change at once (the rule in README "Freshness"). Versions carry the item id and
 * eTag (list-paging.ts), which is all the replica needs to order the write against delta answers.
 */
import type { InitiativeRepository, NewInitiative } from '../../../app/ports/initiative-repository.port';
import type { NewStance, StanceRepository } from '../../../app/ports/stance-repository.port';
import type { Stance } from '../../../domain/approval/approval';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import { decodeVersion } from '../list-paging';
import type { ListReplica } from './list-replica';

export function noteSaved(
  replica: ListReplica,
  list: 'initiatives' | 'stances',
  key: string,
  record: Initiative | Stance,
) {
  const at = decodeVersion(record.version, key);
  if (!at) return;
  const { version: _v, ...data } = record;
  replica.noteWrite(list, { itemId: at.itemId, eTag: at.eTag, fields: { Data: JSON.stringify(data) } });
}

export function replicatedInitiatives(
  repo: InitiativeRepository,
  replica: ListReplica,
): InitiativeRepository {
  return {
    async create(i: NewInitiative) {
      const result = await repo.create(i);
      noteSaved(replica, 'initiatives', result.initiative.id, result.initiative);
      return result;
    },
    get: (id) => repo.get(id),
    getByRef: (ref) => repo.getByRef(ref),
    async update(i: Initiative) {
      const saved = await repo.update(i);
      noteSaved(replica, 'initiatives', saved.id, saved);
      return saved;
    },
    list: (index, page) => repo.list(index, page),
  };
}

export function replicatedStances(repo: StanceRepository, replica: ListReplica): StanceRepository {
  return {
    async put(stance: NewStance, expectedVersion: string | null) {
      const saved = await repo.put(stance, expectedVersion);
      noteSaved(replica, 'stances', `${saved.initiativeId}|${saved.memberId}`, saved);
      return saved;
    },
    get: (initiativeId, memberId) => repo.get(initiativeId, memberId),
    listFor: (initiativeId) => repo.listFor(initiativeId),
    listPending: (limit) => repo.listPending(limit),
  };
}
