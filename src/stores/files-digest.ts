// A short fingerprint of a set of files, saved with the last result so that a reloaded page can
// tell whether the saved code is still the code that result graded (an edit since then makes the
// result out of date). Not a security hash: it only has to differ when the code differs.

/** A digest of the files' paths and contents, independent of their order. */
export function filesDigest(files: Readonly<Record<string, string>>): string {
  const text = JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // cyrb53: two 32-bit lanes give 53 bits, plenty to tell one learner's edits apart.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
