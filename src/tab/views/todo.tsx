import type { InitiativeRow, Todo } from '../../contracts/tab-api';
import { InitiativeGrid } from '../components/initiative-grid';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTab } from '../context';
import type { TabStrings } from '../i18n';
import { useResource } from '../use-resource';

const SECTIONS: readonly [keyof Todo, keyof TabStrings][] = [
  ['decisions', 'todoDecisions'],
  ['stances', 'todoStances'],
  ['toAssign', 'todoAssign'],
  ['preparations', 'todoPreparations'],
  ['followUps', 'todoFollowUps'],
  ['completions', 'todoCompletions'],
];

/** "Att hantera": what needs the signed-in person's action, grouped by kind of action. */
export function TodoView() {
  const { api, t, locale, catalogue } = useTab();
  const todo = useResource('todo', () => api.get<Todo>('/api/todo'));
  return (
    <section aria-labelledby="todo-title">
      <h1 id="todo-title">{t.todo}</h1>
      {todo.state === 'loading' ? <Loading label={t.loading} /> : null}
      {todo.state === 'error' ? (
        <ErrorState error={todo.error} onRetry={todo.reload} t={t} locale={locale} />
      ) : null}
      {todo.state === 'ready' ? (
        SECTIONS.every(([key]) => todo.data[key].length === 0) ? (
          <Empty>{t.emptyTodo}</Empty>
        ) : (
          SECTIONS.filter(([key]) => todo.data[key].length > 0).map(([key, title]) => (
            <section key={key} aria-labelledby={`todo-${key}`}>
              <h2 id={`todo-${key}`}>
                {t[title]} ({todo.data[key].length})
              </h2>
              <InitiativeGrid
                rows={todo.data[key] as InitiativeRow[]}
                t={t}
                locale={locale}
                catalogue={catalogue}
                label={t[title]}
              />
            </section>
          ))
        )
      ) : null}
    </section>
  );
}
