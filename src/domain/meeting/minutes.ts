import type { Catalogue } from '../catalogue/catalogue.types';
import type { Decision, Initiative } from '../initiative/initiative.types';
import { javSentence } from './jav';
import type { Meeting } from './meeting.types';

/**
 * The minutes (protokoll) as text, built from the records alone: the PDF, the DOCX, the extracts
 * and the tab all render this one model, so they cannot disagree. Official records are in Swedish.
 */
export const BODY_NAME = 'Regional utvecklingsgrupp för god och nära vård (RUG)';
export const PREPARATION_GROUP = 'Beredningsgruppen';
export const JUSTERAD = 'Paragrafen är justerad';
export const EJ_JUSTERAD = 'Ej justerat';
export const SIGNATURE_LINE = ['Ordförandes sign', 'Justerares sign', 'Utdragsbestyrkande'] as const;

export interface MinutesParagraph {
  readonly number: number;
  readonly initiativeId: string;
  readonly heading: string;
  readonly diarienummer: string | null;
  /** Ärendet: what the initiative is about. */
  readonly arendet: readonly string[];
  /** Förslag till beslut: the preparation group's proposal. */
  readonly forslag: readonly string[];
  readonly beslut: readonly string[];
  readonly jav: readonly string[];
  readonly beslutsunderlag: readonly string[];
  readonly expedierasTill: readonly string[];
  readonly justerad: boolean;
}

export interface Minutes {
  readonly body: string;
  readonly title: string;
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly present: readonly string[];
  readonly chair: string;
  readonly secretary: string;
  readonly adjuster: string;
  readonly paragraphs: readonly MinutesParagraph[];
  readonly justered: boolean;
  readonly justeredAt: string | null;
}

const VERB: Readonly<Record<Decision['outcome'], string>> = {
  bifall: 'bifalla initiativet',
  avslag: 'avslå initiativet',
  aterremiss: 'återremittera initiativet till Beredningsgruppen',
};

function responsibleName(catalogue: Catalogue, id: string | undefined): string | null {
  if (!id) return null;
  const found = [...catalogue.organisations, ...catalogue.networks].find((x) => x.id === id);
  return found ? found.label.sv : null;
}

function paragraphOf(
  catalogue: Catalogue,
  meeting: Meeting,
  number: number,
  initiative: Initiative,
  decision: Decision,
  jav: readonly string[],
): MinutesParagraph {
  const responsible = responsibleName(catalogue, decision.responsibleId);
  const proposal = initiative.proposal;
  const ref = initiative.ref ?? '';
  return {
    number,
    initiativeId: initiative.id,
    heading: `${initiative.form.title}${ref ? `; ${ref}` : ''}`,
    diarienummer: decision.diarienummer ?? null,
    arendet: [initiative.form.background, initiative.form.description].filter((s) => s.trim()),
    forslag: proposal
      ? [
          `Beredningsgruppen föreslår RUG att besluta att ${VERB[proposal.recommendation]}.`,
          proposal.rationale,
        ]
      : ['Inget förslag från Beredningsgruppen.'],
    beslut: [
      `RUG beslutar att ${VERB[decision.outcome]}.`,
      decision.rationale,
      ...(responsible ? [`Ansvarig: ${responsible}.`] : []),
    ],
    jav,
    beslutsunderlag: [
      `Initiativ ${ref} ${initiative.form.title}`.replace(/\s+/g, ' ').trim(),
      ...(proposal ? [`Beredningsgruppens förslag ${proposal.proposedAt.slice(0, 10)}`] : []),
    ],
    expedierasTill: [
      `${initiative.initiator.name} (initiativtagare)`,
      ...(responsible ? [responsible] : []),
      PREPARATION_GROUP,
    ],
    justerad: meeting.status === 'justered',
  };
}

/** The minutes of a meeting: one paragraph per decided item, in paragraph order. */
export function buildMinutes(
  catalogue: Catalogue,
  meeting: Meeting,
  initiatives: ReadonlyMap<string, Initiative>,
): Minutes {
  const paragraphs: MinutesParagraph[] = [];
  for (const item of meeting.agenda) {
    if (!item.decision) continue;
    const initiative = initiatives.get(item.initiativeId);
    const decision = initiative?.decisions.find(
      (d) => d.meeting?.meetingId === meeting.id && d.meeting.itemId === item.id,
    );
    if (!initiative || !decision) continue;
    const jav = item.jav.map((j) => javSentence(j.member));
    paragraphs.push(paragraphOf(catalogue, meeting, item.decision.paragraph, initiative, decision, jav));
  }
  paragraphs.sort((a, b) => a.number - b.number);
  const name = (p: { name: string } | null) => p?.name ?? '–';
  return {
    body: BODY_NAME,
    title: 'Protokoll',
    date: meeting.date,
    time: meeting.time,
    place: meeting.onlineLink ? `${meeting.place} (Teams)` : meeting.place,
    present: meeting.attendance.present.map((p) => p.name),
    chair: name(meeting.attendance.chair),
    secretary: name(meeting.attendance.secretary),
    adjuster: name(meeting.attendance.adjuster),
    paragraphs,
    justered: meeting.status === 'justered',
    justeredAt: meeting.justeredAt,
  };
}
