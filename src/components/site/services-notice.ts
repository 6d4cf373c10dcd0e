// Shows a missing-infrastructure notice (src/sandbox/missing-services.ts) in a box: one paragraph
// per line, `backticks` as code, so the command that starts the service reads as a command.
import { inlineCode } from '../exercise/inline-code.ts';

export function showServicesNotice(box: HTMLElement, notice: string): void {
  box.replaceChildren(
    ...notice.split('\n').map((line) => {
      const p = document.createElement('p');
      p.append(
        ...inlineCode(line).map((part) => {
          if (!part.code) return part.text;
          const code = document.createElement('code');
          code.textContent = part.text;
          return code;
        }),
      );
      return p;
    }),
  );
  box.hidden = false;
}
