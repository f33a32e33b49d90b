import type { Label } from '../shared/label';

/** One of the three goal words of the målbild: personcentrerad, sammanhållen, nära. */
export interface GoalWord {
  readonly id: string;
  readonly label: Label;
  readonly description: Label;
}

export type Perspective = 'individual' | 'employee' | 'organisation';

/** A statement of a success factor seen from one perspective ("Jag …", "När jag …", "När vi …"). */
export interface FactorStatement {
  readonly id: string;
  readonly factorId: string;
  readonly perspective: Perspective;
  readonly text: Label;
}

/** One of the four success factors (framgångsfaktorer). */
export interface SuccessFactor {
  readonly id: string;
  readonly label: Label;
  readonly tagline: Label;
  /** Lead-in for the employee statements, e.g. "Jag som medarbetare gör vård och omsorg hälsofrämjande …". */
  readonly employeeLead: Label;
  /** Lead-in for the organisation statements, e.g. "Vi som organisation gör vård och omsorg hälsofrämjande …". */
  readonly organisationLead: Label;
  readonly statements: readonly FactorStatement[];
}

export interface TargetGroup {
  readonly id: string;
  readonly label: Label;
}

export type OrganisationKind = 'region' | 'municipality';

export interface Organisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly label: Label;
}

/** A förutsättning named in the färdplan. */
export interface Prerequisite {
  readonly id: string;
  readonly label: Label;
}

/** An existing joint agreement (överenskommelse) an initiative may relate to. */
export interface Agreement {
  readonly id: string;
  readonly label: Label;
}

/** A network or collaboration group that can carry out work and reports to RUG. */
export interface Network {
  readonly id: string;
  readonly label: Label;
}

export interface Catalogue {
  /** Bumped whenever wording or ids change, so stored initiatives can say which catalogue they used. */
  readonly version: string;
  readonly title: Label;
  readonly goalWords: readonly GoalWord[];
  readonly factors: readonly SuccessFactor[];
  readonly targetGroups: readonly TargetGroup[];
  readonly organisations: readonly Organisation[];
  readonly prerequisites: readonly Prerequisite[];
  readonly agreements: readonly Agreement[];
  readonly networks: readonly Network[];
}
