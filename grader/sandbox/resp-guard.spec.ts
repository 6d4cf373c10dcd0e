import { expect, it } from 'vitest';
import { RespGuard, respCommand } from './resp-guard.ts';

const decode = (bytes: Buffer) => bytes.toString('latin1');

it('forwards ordinary commands unchanged, also when split across chunks', () => {
  const guard = new RespGuard();
  const set = respCommand(['SET', 'wb-1:a', 'value with \r\n inside']);
  const first = guard.push(set.subarray(0, 9));
  expect(first).toEqual({ forward: Buffer.alloc(0), close: false });
  const rest = guard.push(Buffer.concat([set.subarray(9), respCommand(['GET', 'wb-1:a'])]));
  expect(decode(rest.forward)).toBe(decode(Buffer.concat([set, respCommand(['GET', 'wb-1:a'])])));
  expect(rest.close).toBe(false);
});

it('turns AUTH into a command that answers +OK and changes no user', () => {
  const { forward } = new RespGuard().push(respCommand(['auth', 'default', 'anything']));
  expect(decode(forward)).toBe(decode(respCommand(['CLIENT', 'REPLY', 'ON'])));
});

it('drops the AUTH clause of HELLO and keeps the rest', () => {
  const { forward } = new RespGuard().push(respCommand(['HELLO', '3', 'AUTH', 'default', 'x', 'SETNAME', 'me']));
  expect(decode(forward)).toBe(decode(respCommand(['HELLO', '3', 'SETNAME', 'me'])));
});

it('forwards what came before a RESET, then asks to close; inline commands close at once', () => {
  const result = new RespGuard().push(
    Buffer.concat([respCommand(['PING']), respCommand(['RESET']), respCommand(['GET', 'other'])]),
  );
  expect(decode(result.forward)).toBe(decode(respCommand(['PING'])));
  expect(result.close).toBe(true);
  expect(new RespGuard().push(Buffer.from('AUTH default x\r\n'))).toEqual({ forward: Buffer.alloc(0), close: true });
});

it("confines SCAN and PUBSUB CHANNELS to the run's prefix when given one", () => {
  const guard = new RespGuard('wb-1:');
  const sent = (args: string[]) => decode(guard.push(respCommand(args)).forward);
  // Confined patterns pass unchanged (the prefix first, or after a library's namespace).
  expect(sent(['SCAN', '0', 'MATCH', 'wb-1:cache:*', 'COUNT', '10'])).toBe(
    decode(respCommand(['SCAN', '0', 'MATCH', 'wb-1:cache:*', 'COUNT', '10'])),
  );
  expect(sent(['scan', '0', 'match', 'bull:wb-1:*'])).toBe(decode(respCommand(['scan', '0', 'match', 'bull:wb-1:*'])));
  // Anything wider becomes the prefix; no MATCH gets one; every MATCH counts (Redis keeps the last).
  expect(sent(['SCAN', '0', 'MATCH', '*wb-1:*'])).toBe(decode(respCommand(['SCAN', '0', 'MATCH', 'wb-1:*'])));
  expect(sent(['SCAN', '0', 'COUNT', '100'])).toBe(
    decode(respCommand(['SCAN', '0', 'COUNT', '100', 'MATCH', 'wb-1:*'])),
  );
  expect(sent(['SCAN', '0', 'MATCH', 'wb-1:*', 'MATCH', '*'])).toBe(
    decode(respCommand(['SCAN', '0', 'MATCH', 'wb-1:*', 'MATCH', 'wb-1:*'])),
  );
  expect(sent(['PUBSUB', 'CHANNELS'])).toBe(decode(respCommand(['PUBSUB', 'CHANNELS', 'wb-1:*'])));
  expect(sent(['PUBSUB', 'CHANNELS', 'wb-1:events'])).toBe(decode(respCommand(['PUBSUB', 'CHANNELS', 'wb-1:events'])));
  // Without a prefix (no run user), commands pass as they are.
  expect(decode(new RespGuard().push(respCommand(['SCAN', '0'])).forward)).toBe(decode(respCommand(['SCAN', '0'])));
});
