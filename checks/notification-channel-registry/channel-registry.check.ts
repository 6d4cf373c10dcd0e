import { expect, it } from 'vitest';
import { ChannelRegistry, type NotificationChannel } from '../src/application/notifications/channel-registry.js';
import type { Notification } from '../src/application/ports/notification-queue.port.js';
import { DomainError } from '../src/domain/shared/domain-error.js';

const note: Notification = { kind: 'task.assigned', recipientId: 'u-bob', taskId: 't-1', subject: 'You were assigned "Docs"', body: 'Task "Docs" is now yours.' };

function recording(name: string, fail?: string): NotificationChannel & { sent: Notification[] } {
  const sent: Notification[] = [];
  return { name, sent, deliver: async (n) => { if (fail) throw new Error(fail); sent.push(n); } };
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, 'expected a DomainError').toBeInstanceOf(DomainError);
  return e as DomainError;
}

it('any channel can be registered and is listed by names() in registration order', () => {
  const registry = new ChannelRegistry();
  for (const name of ['slack', 'email', 'pager']) registry.register(recording(name));
  expect(registry.names()).toEqual(['slack', 'email', 'pager']);
});

it('dispatch delivers on each named channel and reports ok per channel, in the order asked', async () => {
  const registry = new ChannelRegistry();
  const [slack, email, sms] = [recording('slack'), recording('email'), recording('sms')];
  [slack, email, sms].forEach((c) => registry.register(c));
  expect(await registry.dispatch(note, ['sms', 'slack'])).toEqual([{ channel: 'sms', ok: true }, { channel: 'slack', ok: true }]);
  expect(slack.sent).toEqual([note]);
  expect(sms.sent).toEqual([note]);
  expect(email.sent, 'a channel that was not asked for must stay silent').toEqual([]);
});

it('a failing channel becomes { ok: false, error } and the other channels still deliver', async () => {
  const registry = new ChannelRegistry();
  const [broken, slack] = [recording('sms', 'SMS gateway timed out'), recording('slack')];
  registry.register(broken);
  registry.register(slack);
  expect(await registry.dispatch(note, ['sms', 'slack'])).toEqual([
    { channel: 'sms', ok: false, error: 'SMS gateway timed out' },
    { channel: 'slack', ok: true },
  ]);
  expect(slack.sent).toHaveLength(1);
});

it('an unknown channel name rejects with NOTIFY.UNKNOWN_CHANNEL before anything is delivered', async () => {
  const registry = new ChannelRegistry();
  const email = recording('email');
  registry.register(email);
  const error = await rejection(registry.dispatch(note, ['email', 'carrier-pigeon']));
  expect(error.code).toBe('NOTIFY.UNKNOWN_CHANNEL');
  expect(error.message, 'name the unknown channel in the message').toContain('carrier-pigeon');
  expect(email.sent, 'e-mail was sent although the request named an unknown channel').toEqual([]);
});

it('registering a name twice throws NOTIFY.DUPLICATE_CHANNEL and keeps the first channel', async () => {
  const registry = new ChannelRegistry();
  const first = recording('email');
  registry.register(first);
  let error: unknown;
  try { registry.register(recording('email')); } catch (e) { error = e; }
  expect(error, 'expected a DomainError').toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('NOTIFY.DUPLICATE_CHANNEL');
  await registry.dispatch(note, ['email']);
  expect(first.sent, 'the first registered channel must still be the one used').toHaveLength(1);
});

it('a channel named twice delivers once and appears once in the results', async () => {
  const registry = new ChannelRegistry();
  const email = recording('email');
  registry.register(email);
  expect(await registry.dispatch(note, ['email', 'email'])).toEqual([{ channel: 'email', ok: true }]);
  expect(email.sent).toHaveLength(1);
});

it('a channel that throws synchronously (instead of rejecting) is reported as { ok: false } and the others still deliver', async () => {
  const registry = new ChannelRegistry();
  // Not async: deliver() throws before it ever returns a promise.
  const throwsNow: NotificationChannel = { name: 'fax', deliver: () => { throw new Error('No dial tone'); } };
  const slack = recording('slack');
  registry.register(throwsNow);
  registry.register(slack);
  expect(await registry.dispatch(note, ['fax', 'slack'])).toEqual([{ channel: 'fax', ok: false, error: 'No dial tone' }, { channel: 'slack', ok: true }]);
  expect(slack.sent).toHaveLength(1);
});
