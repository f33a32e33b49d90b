import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../app/ports/system.port';

const correlation = new AsyncLocalStorage<string>();

/** Runs `fn` with a correlation id that every log line inside it (however deep) will carry. */
export function withCorrelation<T>(correlationId: string, fn: () => T): T {
  return correlation.run(correlationId, fn);
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** Keys whose values are never written, whatever a caller passes. */
const REDACT = /authorization|token|secret|password|cookie/i;

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (REDACT.test(k)) out[k] = '[redacted]';
    else if (v instanceof Error)
      out[k] = { name: v.name, message: v.message, code: (v as { code?: unknown }).code };
    else out[k] = v;
  }
  return out;
}

/** One JSON object per line on stdout, so App Service / any log shipper can parse it. */
export function jsonLogger(
  level: Level = 'info',
  base: Record<string, unknown> = {},
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const emit = (l: Level, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[l] < LEVELS[level]) return;
    const correlationId = correlation.getStore();
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level: l,
        msg,
        ...(correlationId ? { correlationId } : {}),
        ...base,
        ...clean(fields ?? {}),
      }),
    );
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => jsonLogger(level, { ...base, ...clean(fields) }, write),
  };
}
