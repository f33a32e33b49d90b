import { Field, Select } from '@fluentui/react-components';
import type { CSSProperties } from 'react';

/** The first year the process ran in the app; the picker offers every year since. */
const FIRST_YEAR = 2023;

/** A year picker (this year first); `anyLabel` adds an "all years" choice with the value ''. */
export function YearSelect({
  label,
  value,
  onChange,
  anyLabel,
  years: given,
  style,
}: {
  label: string;
  value: string;
  onChange: (year: string) => void;
  anyLabel?: string;
  /** The years to offer; every year since the first by default. */
  years?: readonly number[];
  style?: CSSProperties;
}) {
  const thisYear = new Date().getFullYear();
  const years = given ?? Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, n) => thisYear - n);
  return (
    <Field label={label} {...(style ? { style } : {})}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </Select>
    </Field>
  );
}
