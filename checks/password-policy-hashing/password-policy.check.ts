import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, MIN_COST, needsRehash, passwordProblems, verifyPassword } from '../src/infrastructure/security/password-policy.js';

const ada = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };

describe('passwordProblems', () => {
  it('accepts a long, uncommon, impersonal password', () => {
    expect(passwordProblems('violet-ferry-cascade-42', ada)).toEqual([]);
    expect(passwordProblems('ïñtërnâtiônàl', ada), '13 characters, 19 bytes').toEqual([]);
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblems('short-pass1', ada)).toHaveLength(1);
    expect(passwordProblems('exactly12chr', ada)).toEqual([]);
  });

  it('refuses more than 72 bytes, counting bytes in UTF-8 and not characters', () => {
    expect(passwordProblems('x'.repeat(72), ada), '72 ASCII bytes').toEqual([]);
    expect(passwordProblems('x'.repeat(73), ada), '73 ASCII bytes').toHaveLength(1);
    expect(passwordProblems('€'.repeat(30), ada), "30 '€' = 30 characters but 90 bytes").toHaveLength(1);
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblems('Password1234', ada)).toHaveLength(1);
    expect(passwordProblems('CorrectHorseBatteryStaple', ada)).toHaveLength(1);
  });

  it('refuses a password containing the e-mail name or a name word of 3+ letters, ignoring case', () => {
    expect(passwordProblems('my-LOVELACE-secret', ada)).toHaveLength(1);
    expect(passwordProblems('xx-ada.lovelace-yy', ada)).toHaveLength(1);
    expect(passwordProblems('Ada.Lovelace@2026', ada).length).toBeGreaterThan(0);
    expect(passwordProblems('alpha-beta-gamma', { email: 'al@example.com', name: 'Al Bo' }), 'parts shorter than 3 letters are ignored').toEqual([]);
  });
});

describe('passwordProblems: edges and combinations', () => {
  it('counts characters as Unicode characters: 11 letters and one emoji are 12 characters; 6 emoji and 5 letters are 11', () => {
    expect(passwordProblems('violetferry😀', ada), '12 characters (13 UTF-16 code units)').toEqual([]);
    expect(passwordProblems('😀😀😀😀😀😀vifer', ada), '11 characters (17 UTF-16 code units)').toHaveLength(1);
  });

  it('a name word of exactly 3 characters counts: "ada" in the password is refused for Ada Lovelace', () => {
    expect(passwordProblems('violet-ada-ferry', { email: 'a.l@example.com', name: 'Ada Lovelace' })).toHaveLength(1);
    expect(passwordProblems('violet-ADA-ferry', { email: 'a.l@example.com', name: 'Ada Lovelace' }), 'ignoring case').toHaveLength(1);
  });

  it('a password breaking several rules gets one message per broken rule', () => {
    expect(passwordProblems('ada-short', ada), 'too short and contains a name word').toHaveLength(2);
    expect(passwordProblems(`lovelace-${'x'.repeat(70)}`, ada), 'too long and contains a name word').toHaveLength(2);
  });
});

describe('hashing', () => {
  it('hashPassword makes a salted bcrypt hash with the given cost that verifyPassword accepts', async () => {
    const [one, two] = await Promise.all([hashPassword('violet-ferry-cascade-42', MIN_COST), hashPassword('violet-ferry-cascade-42', MIN_COST)]);
    expect(one).toMatch(/^\$2[aby]\$10\$/);
    expect(one, 'two hashes of one password must differ (salt)').not.toBe(two);
    expect(await verifyPassword('violet-ferry-cascade-42', one)).toBe(true);
    expect(await verifyPassword('violet-ferry-cascade-43', one)).toBe(false);
  });

  it('hashPassword uses a cost of at least 12 by default and refuses a cost below 10', async () => {
    expect(bcrypt.getRounds(await hashPassword('violet-ferry-cascade-42'))).toBeGreaterThanOrEqual(12);
    for (const cost of [4, 9]) {
      await expect(hashPassword('violet-ferry-cascade-42', cost), `cost ${cost}`).rejects.toThrow(RangeError);
    }
  });

  it('verifyPassword answers false, without throwing, for a damaged or foreign hash', async () => {
    for (const hash of ['', 'not-a-hash', '$2b$10$tooshort', 'plain-text-password', '$argon2id$v=19$m=65536$abc']) {
      await expect(verifyPassword('anything-at-all', hash), `hash ${JSON.stringify(hash)}`).resolves.toBe(false);
    }
  });

  it('needsRehash is true for a hash made with a lower cost than wanted, false otherwise', async () => {
    const hash = await bcrypt.hash('violet-ferry-cascade-42', 10);
    expect(needsRehash(hash, 12)).toBe(true);
    expect(needsRehash(hash, 10)).toBe(false);
    expect(needsRehash(hash, 8)).toBe(false);
  });

  it('needsRehash compares with DEFAULT_COST (12) when no cost is given', async () => {
    const cost10 = await bcrypt.hash('violet-ferry-cascade-42', 10);
    expect(needsRehash(cost10), 'a cost-10 hash, default wanted cost 12').toBe(true);
    // The same hash with its cost field read as 12: needsRehash only looks at the cost.
    expect(needsRehash(cost10.replace(/^(\$2[aby]\$)10\$/, '$112$')), 'a cost-12 hash, default wanted cost 12').toBe(false);
  });
});
