import { describe, expect, it } from 'vitest';
import { inlineCode } from './inline-code.ts';

describe('inlineCode', () => {
  it('turns paired backticks into code and keeps the rest as text', () => {
    expect(inlineCode('Use the `now` parameter, not `new Date()`.')).toEqual([
      { text: 'Use the ', code: false },
      { text: 'now', code: true },
      { text: ' parameter, not ', code: false },
      { text: 'new Date()', code: true },
      { text: '.', code: false },
    ]);
  });

  it('leaves markup and an unpaired backtick as text (the page escapes it)', () => {
    expect(inlineCode('<b>bold</b> and a ` alone')).toEqual([{ text: '<b>bold</b> and a ` alone', code: false }]);
  });
});
