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
  private lastSeq: number;
  private readonly early = new Map<number, E>();
  private waitingForSnapshot = false;

  constructor(private readonly options: SequenceBufferOptions<E>) {
    this.lastSeq = options.lastSeq ?? 0;
  }

  get pending(): number {
    return this.early.size;
  }

  get resyncing(): boolean {
    return this.waitingForSnapshot;
  }

  receive(event: E): void {
    if (this.waitingForSnapshot || event.seq <= this.lastSeq || this.early.has(event.seq)) return;
    this.early.set(event.seq, event);
    this.flush();
    if (this.early.size > this.options.maxBuffered) {
      // The gap is not closing: a snapshot is cheaper than waiting for ever.
      this.early.clear();
      this.waitingForSnapshot = true;
      this.options.requestResync(this.lastSeq + 1);
    }
  }

  reset(snapshotSeq: number): void {
    this.lastSeq = snapshotSeq;
    this.early.clear();
    this.waitingForSnapshot = false;
  }

  private flush(): void {
    for (let next = this.early.get(this.lastSeq + 1); next; next = this.early.get(this.lastSeq + 1)) {
      this.early.delete(next.seq);
      this.lastSeq = next.seq;
      this.options.deliver(next);
    }
  }
}
