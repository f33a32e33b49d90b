import type { Label } from '../shared/label';

/** A label an entry had before it was reworded: shown for initiatives saved with an older version. */
export interface FormerLabel {
  readonly label: Label;
  /** The first catalogue version that no longer used this label. */
  readonly until: string;
}

/**
 * What every entry carries about its life in a catalogue kept as versioned data: entries are never
 * deleted and their ids never reused, only reworded (the old label kept) or retired.
 */
export interface EntryLife {
  /** The catalogue version that retired it: no longer offered on the form, still shown and filtered on. */
  readonly retiredIn?: string;
  readonly formerLabels?: readonly FormerLabel[];
}

/** One of the three goal words of the målbild: personcentrerad, sammanhållen, nära. */
export interface GoalWord extends EntryLife {
  readonly id: string;
  readonly label: Label;
  readonly description: Label;
}

export type Perspective = 'individual' | 'employee' | 'organisation';

/** A statement of a success factor seen from one perspective ("Jag …", "När jag …", "När vi …"). */
export interface FactorStatement extends EntryLife {
  readonly id: string;
  readonly factorId: string;
  readonly perspective: Perspective;
  readonly text: Label;
}

/** One of the four success factors (framgångsfaktorer). */
export interface SuccessFactor extends EntryLife {
  readonly id: string;
  readonly label: Label;
  readonly tagline: Label;
  /** Lead-in for the employee statements, e.g. "Jag som medarbetare gör vård och omsorg hälsofrämjande …". */
  readonly employeeLead: Label;
  /** Lead-in for the organisation statements, e.g. "Vi som organisation gör vård och omsorg hälsofrämjande …". */
  readonly organisationLead: Label;
  readonly statements: readonly FactorStatement[];
}

export interface TargetGroup extends EntryLife {
  readonly id: string;
  readonly label: Label;
}

export type OrganisationKind = 'region' | 'municipality';

export interface Organisation extends EntryLife {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly label: Label;
}

/** A förutsättning named in the färdplan. */
export interface Prerequisite extends EntryLife {
  readonly id: string;
  readonly label: Label;
}

/** An existing joint agreement (överenskommelse) an initiative may relate to. */
export interface Agreement extends EntryLife {
  readonly id: string;
  readonly label: Label;
  /** The years the agreement runs, e.g. 2022–2024 (`to` null: until further notice). */
  readonly validity?: { readonly from: number; readonly to: number | null };
}

/** A network or collaboration group that can carry out work and reports to RUG. */
export interface Network extends EntryLife {
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
