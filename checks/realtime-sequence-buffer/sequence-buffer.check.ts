import { describe, expect, it, vi } from 'vitest';
import { SequenceBuffer } from '../src/realtime/sequence-buffer.js';

interface TaskEvent { seq: number; taskId: string; status: string }
const ev = (seq: number, status = `s${seq}`): TaskEvent => ({ seq, taskId: 't1', status });

function setup(maxBuffered = 3, lastSeq?: number) {
  const delivered: number[] = [];
  const requestResync = vi.fn();
  const buffer = new SequenceBuffer<TaskEvent>({
    deliver: (e) => delivered.push(e.seq),
    requestResync,
    maxBuffered,
    ...(lastSeq === undefined ? {} : { lastSeq }),
  });
  return { buffer, delivered, requestResync };
}

describe('SequenceBuffer', () => {
  it('delivers events that arrive in order immediately', () => {
    const { buffer, delivered } = setup();
    [1, 2, 3].forEach((s) => buffer.receive(ev(s)));
    expect(delivered).toEqual([1, 2, 3]);
    expect(buffer.pending).toBe(0);
  });

  it('holds back an early event until the gap fills, then delivers the whole run in order', () => {
    const { buffer, delivered } = setup();
    buffer.receive(ev(1));
    buffer.receive(ev(3));
    buffer.receive(ev(4));
    expect(delivered).toEqual([1]);
    expect(buffer.pending).toBe(2);
    buffer.receive(ev(2));
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(buffer.pending).toBe(0);
  });

  it('ignores duplicates, whether already delivered or still held back', () => {
    const { buffer, delivered } = setup();
    buffer.receive(ev(1));
    buffer.receive(ev(1));
    buffer.receive(ev(3, 'first copy'));
    buffer.receive(ev(3, 'second copy'));
    buffer.receive(ev(2));
    buffer.receive(ev(2));
    expect(delivered).toEqual([1, 2, 3]);
  });

  it('delivers the first copy of an event that arrived twice while held back', () => {
    const statuses: string[] = [];
    const buffer = new SequenceBuffer<TaskEvent>({ deliver: (e) => statuses.push(`${e.seq}:${e.status}`), requestResync: () => {}, maxBuffered: 3 });
    buffer.receive(ev(2, 'COMPLETED'));
    buffer.receive(ev(2, 'OPEN (replayed copy)'));
    buffer.receive(ev(1, 'OPEN'));
    expect(statuses).toEqual(['1:OPEN', '2:COMPLETED']);
  });

  it('does not resync when the arriving event closes the gap, even with maxBuffered events held back', () => {
    const { buffer, delivered, requestResync } = setup(2);
    buffer.receive(ev(1));
    buffer.receive(ev(3));
    buffer.receive(ev(4));
    buffer.receive(ev(2));
    expect(requestResync).not.toHaveBeenCalled();
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(buffer.resyncing).toBe(false);
  });

  it('drops events held back before reset, even when no resync was requested', () => {
    const { buffer, delivered } = setup(5);
    buffer.receive(ev(1));
    buffer.receive(ev(4));
    buffer.reset(2);
    expect(buffer.pending).toBe(0);
    buffer.receive(ev(3));
    expect(delivered, 'the 4 held before reset is gone; the snapshot replaced it').toEqual([1, 3]);
  });

  it('starts after the given lastSeq', () => {
    const { buffer, delivered } = setup(3, 41);
    buffer.receive(ev(41));
    buffer.receive(ev(43));
    buffer.receive(ev(42));
    expect(delivered).toEqual([42, 43]);
  });

  it('asks once for a resync from the missing seq when too many events are held back, and ignores events until reset', () => {
    const { buffer, delivered, requestResync } = setup(2);
    buffer.receive(ev(1));
    buffer.receive(ev(3));
    buffer.receive(ev(4));
    expect(requestResync).not.toHaveBeenCalled();
    buffer.receive(ev(5));
    expect(requestResync).toHaveBeenCalledTimes(1);
    expect(requestResync).toHaveBeenCalledWith(2);
    expect(buffer.resyncing).toBe(true);
    expect(buffer.pending).toBe(0);
    buffer.receive(ev(2));
    buffer.receive(ev(6));
    buffer.receive(ev(7));
    buffer.receive(ev(8));
    expect(requestResync).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual([1]);
  });

  it('continues after reset from the snapshot sequence', () => {
    const { buffer, delivered } = setup(1);
    buffer.receive(ev(1));
    buffer.receive(ev(3));
    buffer.receive(ev(4));
    expect(buffer.resyncing).toBe(true);
    buffer.reset(10);
    expect(buffer.resyncing).toBe(false);
    buffer.receive(ev(9));
    buffer.receive(ev(12));
    buffer.receive(ev(11));
    expect(delivered).toEqual([1, 11, 12]);
  });
});
