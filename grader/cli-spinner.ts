// A one-line spinner that says what the CLI waits for ("starting the grader", "grading …"). Only on
// a terminal: piped output (CI, --json, files) gets no control characters at all.
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Spinner {
  /** Changes what it says it waits for. */
  update(text: string): void;
  /** Clears the line; the caller prints the result next. */
  stop(): void;
}

/** Starts a spinner on `stream` when it is a TTY; otherwise a spinner that prints nothing. */
export function spinner(stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>, text: string, intervalMs = 80): Spinner {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  let current = text;
  let frame = 0;
  const draw = () => stream.write(`\r\u001b[2K${FRAMES[frame++ % FRAMES.length]} ${current}…`);
  draw();
  const timer = setInterval(draw, intervalMs);
  timer.unref?.();
  return {
    update(next) {
      current = next;
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}
