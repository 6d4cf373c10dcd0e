export interface SequencedEvent {
  seq: number;
}

export interface SequenceBufferOptions<E extends SequencedEvent> {
  deliver: (event: E) => void;
  requestResync: (fromSeq: number) => void;
  maxBuffered: number;
  lastSeq?: number;
}

/** Delivers sequence-numbered events once each, in order, and asks for a resync when a gap stays open. */
export class SequenceBuffer<E extends SequencedEvent> {
  constructor(private readonly options: SequenceBufferOptions<E>) {}

  get pending(): number {
    throw new Error('Not implemented: pending');
  }

  get resyncing(): boolean {
    throw new Error('Not implemented: resyncing');
  }

  receive(event: E): void {
    throw new Error(`Not implemented: receive (${event.seq})`);
  }

  reset(snapshotSeq: number): void {
    throw new Error(`Not implemented: reset (${snapshotSeq})`);
  }
}
