import type { Stance } from '../../domain/approval/approval';

export type NewStance = Omit<Stance, 'version'>;

/** RUG members' stances; the store keeps one per member per initiative (a unique key). */
export interface StanceRepository {
  /**
   * Creates the member's stance when `expectedVersion` is null, or replaces it when the version
   * matches. A second create, or a stale version, throws ConflictError.
   */
  put(stance: NewStance, expectedVersion: string | null): Promise<Stance>;
  get(initiativeId: string, memberId: string): Promise<Stance | null>;
  listFor(initiativeId: string): Promise<Stance[]>;
  /** Stances holding records of their change not yet written out (the dispatcher's sweep). */
  listPending(limit: number): Promise<Stance[]>;
}
