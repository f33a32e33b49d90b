import { jsonLogger, withCorrelation } from '../../../src/server/logger';

/** What the logger writes instead of a secret's value. */
const REDACTED = '[redacted]';

describe('structured JSON logging', () => {
  const capture = () => {
    const lines: Record<string, unknown>[] = [];
    return {
      lines,
      log: jsonLogger('info', { app: 'test' }, (l) => lines.push(JSON.parse(l) as Record<string, unknown>)),
    };
  };

  it('writes one JSON object per line with level, message and fields', () => {
    const { lines, log } = capture();
    log.info('started', { port: 3978 });
    log.debug('hidden below the level');
    expect(lines).toEqual([
      { time: expect.any(String), level: 'info', msg: 'started', app: 'test', port: 3978 },
    ]);
  });

  it('carries the request’s correlation id into every line, however deep', async () => {
    const { lines, log } = capture();
    await withCorrelation('req-12345678', async () => {
      await new Promise((r) => setTimeout(r, 1));
      log.child({ component: 'bot' }).warn('deep inside');
    });
    log.info('outside');
    expect(lines[0]).toMatchObject({ correlationId: 'req-12345678', component: 'bot', msg: 'deep inside' });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('never writes tokens or secrets, and reduces errors to name, message and code', () => {
    const { lines, log } = capture();
    const err = Object.assign(new Error('store down'), { code: 'STORE.UNAVAILABLE', stack: 'secret stack' });
    log.error('failed', { authorization: 'Bearer eyJ…', clientSecret: 'abc', err });
    expect(lines[0]).toMatchObject({
      authorization: REDACTED,
      clientSecret: REDACTED,
      err: { name: 'Error', message: 'store down', code: 'STORE.UNAVAILABLE' },
    });
    expect(JSON.stringify(lines[0])).not.toContain('eyJ');
  });
});
