import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingPage } from '../../contracts/meeting-api';
import type { MeetingTabStrings } from '../meeting-i18n';

export interface AttendanceInput {
  presentIds: string[];
  chairId: string | null;
  secretaryId: string | null;
  adjusterId: string | null;
}

/** Who is present (from the RUG roster) and who chairs, keeps and adjusts the minutes. */
export function MeetingAttendance({
  page,
  m,
  onSave,
}: {
  page: MeetingPage;
  m: MeetingTabStrings;
  onSave: (input: AttendanceInput) => void;
}) {
  const a = page.meeting.attendance;
  const [present, setPresent] = useState<string[]>(a.present.map((p) => p.objectId));
  const [roles, setRoles] = useState({
    chairId: a.chair?.objectId ?? '',
    secretaryId: a.secretary?.objectId ?? '',
    adjusterId: a.adjuster?.objectId ?? '',
  });
  const people = page.roster.filter((r) => present.includes(r.objectId));
  return (
    <form
      aria-labelledby="attendance-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          presentIds: present,
          chairId: roles.chairId || null,
          secretaryId: roles.secretaryId || null,
          adjusterId: roles.adjusterId || null,
        });
      }}
    >
      <h2 id="attendance-title">{m.attendance}</h2>
      <fieldset>
        <legend>{m.present}</legend>
        {page.roster.map((r) => (
          <Checkbox
            key={r.objectId}
            label={r.name}
            checked={present.includes(r.objectId)}
            onChange={(_, d) =>
              setPresent(d.checked ? [...present, r.objectId] : present.filter((x) => x !== r.objectId))
            }
          />
        ))}
      </fieldset>
      {(['chairId', 'secretaryId', 'adjusterId'] as const).map((k) => (
        <Field key={k} label={m[k.replace('Id', '') as 'chair' | 'secretary' | 'adjuster']}>
          <Select value={roles[k]} onChange={(_, d) => setRoles({ ...roles, [k]: d.value })}>
            <option value="">{m.none}</option>
            {people.map((p) => (
              <option key={p.objectId} value={p.objectId}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Button type="submit">{m.saveAttendance}</Button>
    </form>
  );
}
