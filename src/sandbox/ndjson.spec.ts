import { describe, expect, it } from 'vitest';
import type { GradeEvent } from '../schemas/report.ts';
import { readGradeEvents, sealEvent } from './ndjson.ts';

const report = {
  version: 1,
  exerciseId: 'demo',
  status: 'passed',
  checks: [],
  durationMs: 3,
  engine: 'local',
  finishedAt: '2026-01-01T00:00:00.000Z',
};
async function* chunks(...parts: string[]) {
  for (const part of parts) yield part;
}

describe('readGradeEvents', () => {
  it('reassembles lines split across chunks and stops at the report', async () => {
    const events: GradeEvent[] = [];
    const lines = [
      JSON.stringify({ type: 'queued', position: 0 }),
      JSON.stringify({
        type: 'check',
        check: { name: 'a', status: 'failed', message: 'm', expected: '1', received: '2', durationMs: 1 },
      }),
      JSON.stringify({ type: 'report', report }),
    ].join('\n');
    const result = await readGradeEvents(chunks(lines.slice(0, 7), lines.slice(7, 50), lines.slice(50), '\n'), {
      onEvent: (e) => events.push(e),
    });
    expect(result.status).toBe('passed');
    expect(events.map((e) => e.type)).toEqual(['queued', 'check', 'report']);
  });

  it('treats a stray line as a protocol error on HTTP but skips it in a terminal', async () => {
    const text = `npm warn something\n\u001b[32m${JSON.stringify({ type: 'report', report })}\u001b[0m\n`;
    await expect(readGradeEvents(chunks(text))).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringContaining('npm warn something'),
    });
    await expect(readGradeEvents(chunks(text), { lenient: true })).resolves.toMatchObject({ exerciseId: 'demo' });
  });

  it('with a nonce, takes only lines that carry it: forged reports are skipped in a terminal, an error on HTTP', async () => {
    const forged = JSON.stringify({ type: 'report', report: { ...report, status: 'passed' } });
    const wrong = JSON.stringify({ nonce: 'not-the-nonce-1234', event: { type: 'report', report } });
    const real = sealEvent('the-run-nonce-0001', {
      type: 'report',
      report: { ...report, status: 'failed' },
    } as unknown as GradeEvent);
    const text = `${forged}\n${wrong}\n${real}\n`;
    await expect(readGradeEvents(chunks(text), { lenient: true, nonce: 'the-run-nonce-0001' })).resolves.toMatchObject({
      status: 'failed',
    });
    await expect(readGradeEvents(chunks(text), { nonce: 'the-run-nonce-0001' })).rejects.toMatchObject({
      code: 'protocol',
    });
  });

  it('names the field of an event that fails the schema', async () => {
    const bad = JSON.stringify({ type: 'check', check: { name: 'a', status: 'nope', durationMs: 1 } });
    await expect(readGradeEvents(chunks(`${bad}\n`))).rejects.toThrow(/field "check.status"/);
  });

  it('says the grader stopped when the stream ends without a report', async () => {
    await expect(readGradeEvents(chunks(JSON.stringify({ type: 'queued', position: 1 })))).rejects.toThrow(
      /stopped before sending its report/,
    );
  });

  it('stops with an aborted error once the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readGradeEvents(chunks('{"type":"queued","position":0}\n'), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'aborted' });
  });
});
