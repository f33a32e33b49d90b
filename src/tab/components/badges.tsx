import { Badge, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import type { Status } from '../../domain/initiative/status';
import type { Locale } from '../../domain/shared/label';
import type { SkallkravState } from '../../contracts/tab-api';
import { fmt, type TabStrings } from '../i18n';
import { skallkravStateLabel, statusLabel } from '../labels';

type Tone = 'brand' | 'success' | 'warning' | 'danger' | 'informative' | 'subtle';
const TONE: Record<Status, Tone> = {
  draft: 'subtle',
  submitted: 'informative',
  in_preparation: 'brand',
  awaiting_completion: 'warning',
  proposal_ready: 'brand',
  approved: 'success',
  rejected: 'danger',
  in_implementation: 'success',
  followed_up: 'success',
  closed: 'subtle',
  withdrawn: 'subtle',
};

const useBadgeStyles = makeStyles({
  // Fluent's badge is one fixed-height line; a long status in a narrow column wrapped out of it and
  // its border ran through the words. The box grows with the text instead.
  badge: {
    height: 'auto',
    minHeight: '20px',
    maxWidth: '100%',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    textAlign: 'start',
    lineHeight: tokens.lineHeightBase200,
    paddingBlock: '2px',
  },
});

export function StatusBadge({ status, locale }: { status: Status; locale: Locale }) {
  const s = useBadgeStyles();
  return (
    <Badge appearance="tint" color={TONE[status]} shape="rounded" className={s.badge}>
      {statusLabel(status, locale)}
    </Badge>
  );
}

const useStyles = makeStyles({
  row: { display: 'inline-flex', gap: '4px' },
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '24px',
    height: '20px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  met: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder2),
  },
  unmet: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder2),
  },
  pending: { ...shorthands.borderStyle('dashed') },
});

const SYMBOL: Record<SkallkravState, string> = { met: '✓', unmet: '✗', pending: '…' };

/** Skallkrav 1–4 as four marks; the text says the state, so colour is never the only cue. */
export function SkallkravMarks({
  states,
  t,
  locale,
}: {
  states: readonly SkallkravState[];
  t: TabStrings;
  locale: Locale;
}) {
  const s = useStyles();
  const label = states
    .map((state, n) => fmt(t.skallkravShort, { n: n + 1, state: skallkravStateLabel(state, locale) }))
    .join(', ');
  return (
    <span className={s.row} role="img" aria-label={label} title={label}>
      {states.map((state, n) => (
        <span key={n} className={`${s.mark} ${s[state]}`} aria-hidden="true">
          {n + 1}
          {SYMBOL[state]}
        </span>
      ))}
    </span>
  );
}
