import { describe, expect, it } from 'vitest';
import { NotificationFanOut, type Channel, type NotificationPreferences, type OutgoingMessage } from '../src/notifications/fan-out.js';

class FakeChannel implements Channel {
  sent: OutgoingMessage[] = [];
  constructor(readonly name: string, private readonly behaviour: 'ok' | 'fail' | 'hang' = 'ok', private readonly tracker?: { max: number; now: number }) {}
  async send(message: OutgoingMessage): Promise<void> {
    if (this.tracker) this.tracker.max = Math.max(this.tracker.max, ++this.tracker.now);
    try {
      if (this.behaviour === 'hang') return await new Promise<void>(() => {});
      await new Promise((r) => setTimeout(r, 5));
      if (this.behaviour === 'fail') throw new Error(`${this.name} provider is down`);
      this.sent.push(message);
    } finally {
      if (this.tracker) this.tracker.now--;
    }
  }
}

const NOON = new Date('2026-04-01T12:00:00Z');
const prefsFrom = (map: Record<string, NotificationPreferences>) => async (id: string) => map[id];
const message = { subject: 'Task reassigned', body: 'You have a new task' };
const summary = (reports: { recipientId: string; channel: string; status: string; reason?: string }[]) =>
  reports.map((r) => `${r.recipientId}/${r.channel}:${r.status}${r.reason ? `(${r.reason})` : ''}`);

describe('NotificationFanOut', () => {
  it('sends to every recipient over each of their preferred channels and reports each delivery', async () => {
    const email = new FakeChannel('email');
    const inApp = new FakeChannel('in-app');
    const fanOut = new NotificationFanOut([email, inApp], prefsFrom({ ann: { channels: ['email', 'in-app'] }, bob: { channels: ['in-app'] } }), { now: () => NOON, timeoutMs: 500 });
    const reports = await fanOut.notify({ recipients: ['ann', 'bob'], ...message });
    expect(summary(reports)).toEqual(['ann/email:sent', 'ann/in-app:sent', 'bob/in-app:sent']);
    expect(email.sent).toEqual([{ recipientId: 'ann', ...message }]);
    expect(inApp.sent.map((m) => m.recipientId).sort()).toEqual(['ann', 'bob']);
  });

  it('uses in-app for users without preferences and notifies a repeated recipient once', async () => {
    const inApp = new FakeChannel('in-app');
    const fanOut = new NotificationFanOut([inApp], prefsFrom({}), { now: () => NOON, timeoutMs: 500 });
    const reports = await fanOut.notify({ recipients: ['cat', 'cat'], ...message });
    expect(summary(reports)).toEqual(['cat/in-app:sent']);
    expect(inApp.sent).toHaveLength(1);
  });

  it('keeps delivering on other channels when one fails, and reports the failure reason', async () => {
    const email = new FakeChannel('email', 'fail');
    const inApp = new FakeChannel('in-app');
    const fanOut = new NotificationFanOut([email, inApp], prefsFrom({ ann: { channels: ['email', 'in-app'] } }), { now: () => NOON, timeoutMs: 500 });
    const reports = await fanOut.notify({ recipients: ['ann'], ...message });
    expect(summary(reports)).toEqual(['ann/email:failed(email provider is down)', 'ann/in-app:sent']);
  });

  it('reports a channel that does not answer within timeoutMs as a timeout, without waiting for it', async () => {
    const sms = new FakeChannel('sms', 'hang');
    const inApp = new FakeChannel('in-app');
    const fanOut = new NotificationFanOut([sms, inApp], prefsFrom({ ann: { channels: ['sms', 'in-app'] } }), { now: () => NOON, timeoutMs: 50 });
    const reports = await fanOut.notify({ recipients: ['ann'], ...message });
    expect(summary(reports)).toEqual(['ann/sms:timeout', 'ann/in-app:sent']);
  });

  it('sends concurrently rather than one after another', async () => {
    const tracker = { max: 0, now: 0 };
    const channels = ['email', 'in-app', 'push'].map((n) => new FakeChannel(n, 'ok', tracker));
    const prefs = prefsFrom({ a: { channels: ['email', 'in-app', 'push'] }, b: { channels: ['email'] } });
    await new NotificationFanOut(channels, prefs, { now: () => NOON, timeoutMs: 500 }).notify({ recipients: ['a', 'b'], ...message });
    expect(tracker.max, 'several sends should be in flight at the same time').toBeGreaterThan(1);
  });

  it('holds back push and SMS during quiet hours (also across midnight) unless the message is urgent', async () => {
    const channels = ['push', 'sms', 'email'].map((n) => new FakeChannel(n));
    const prefs = prefsFrom({ ann: { channels: ['push', 'sms', 'email'], quietHours: { startHour: 22, endHour: 7 } } });
    const at = (iso: string) => new NotificationFanOut(channels, prefs, { now: () => new Date(iso), timeoutMs: 500 });
    expect(summary(await at('2026-04-01T23:30:00Z').notify({ recipients: ['ann'], ...message }))).toEqual([
      'ann/push:skipped(quiet-hours)', 'ann/sms:skipped(quiet-hours)', 'ann/email:sent',
    ]);
    expect(summary(await at('2026-04-01T03:00:00Z').notify({ recipients: ['ann'], ...message }))[0]).toBe('ann/push:skipped(quiet-hours)');
    expect(summary(await at('2026-04-01T07:00:00Z').notify({ recipients: ['ann'], ...message }))[0], '07:00 is after quiet hours').toBe('ann/push:sent');
    expect(summary(await at('2026-04-01T23:30:00Z').notify({ recipients: ['ann'], ...message, urgent: true }))).toEqual([
      'ann/push:sent', 'ann/sms:sent', 'ann/email:sent',
    ]);
  });

  it('sends to different recipients concurrently too (not recipient after recipient)', async () => {
    const tracker = { max: 0, now: 0 };
    const email = new FakeChannel('email', 'ok', tracker);
    const prefs = prefsFrom({ a: { channels: ['email'] }, b: { channels: ['email'] }, c: { channels: ['email'] } });
    await new NotificationFanOut([email], prefs, { now: () => NOON, timeoutMs: 500 }).notify({ recipients: ['a', 'b', 'c'], ...message });
    expect(tracker.max, 'the three recipients\' sends should be in flight at the same time').toBe(3);
  });

  it('treats the start hour as quiet and the end hour as not, in a window that does not wrap midnight', async () => {
    const channels = [new FakeChannel('push')];
    const prefs = prefsFrom({ ann: { channels: ['push'], quietHours: { startHour: 9, endHour: 17 } } });
    const at = async (iso: string) => summary(await new NotificationFanOut(channels, prefs, { now: () => new Date(iso), timeoutMs: 500 }).notify({ recipients: ['ann'], ...message }))[0];
    expect(await at('2026-04-01T09:00:00Z'), '09:00 is the first quiet hour').toBe('ann/push:skipped(quiet-hours)');
    expect(await at('2026-04-01T12:00:00Z')).toBe('ann/push:skipped(quiet-hours)');
    expect(await at('2026-04-01T17:00:00Z'), '17:00 is after quiet hours').toBe('ann/push:sent');
    expect(await at('2026-04-01T08:59:00Z'), 'before 09:00 is not quiet').toBe('ann/push:sent');
    expect(await at('2026-04-01T20:00:00Z'), 'a 9 → 17 window does not wrap midnight').toBe('ann/push:sent');
  });

  it('treats the start hour of a window across midnight as quiet (22:00 in 22 → 7)', async () => {
    const prefs = prefsFrom({ ann: { channels: ['sms'], quietHours: { startHour: 22, endHour: 7 } } });
    const fanOut = new NotificationFanOut([new FakeChannel('sms')], prefs, { now: () => new Date('2026-04-01T22:00:00Z'), timeoutMs: 500 });
    expect(summary(await fanOut.notify({ recipients: ['ann'], ...message }))).toEqual(['ann/sms:skipped(quiet-hours)']);
  });

  it('sends nothing to a user whose preferences list no channels (an empty list is not "no preferences")', async () => {
    const inApp = new FakeChannel('in-app');
    const fanOut = new NotificationFanOut([inApp], prefsFrom({ ann: { channels: [] } }), { now: () => NOON, timeoutMs: 500 });
    expect(await fanOut.notify({ recipients: ['ann', 'bob'], ...message }).then(summary)).toEqual(['bob/in-app:sent']);
    expect(inApp.sent.map((m) => m.recipientId)).toEqual(['bob']);
  });

  it('reports a channel whose send throws synchronously as failed, and still resolves', async () => {
    const broken: Channel = {
      name: 'email',
      send: () => {
        throw new Error('no SMTP host configured');
      },
    };
    const fanOut = new NotificationFanOut([broken, new FakeChannel('in-app')], prefsFrom({ ann: { channels: ['email', 'in-app'] } }), { now: () => NOON, timeoutMs: 500 });
    expect(summary(await fanOut.notify({ recipients: ['ann'], ...message }))).toEqual(['ann/email:failed(no SMTP host configured)', 'ann/in-app:sent']);
  });

  it('skips channel names it has no channel for', async () => {
    const fanOut = new NotificationFanOut([new FakeChannel('email')], prefsFrom({ ann: { channels: ['carrier-pigeon', 'email'] } }), { now: () => NOON, timeoutMs: 500 });
    expect(summary(await fanOut.notify({ recipients: ['ann'], ...message }))).toEqual(['ann/carrier-pigeon:skipped(unknown-channel)', 'ann/email:sent']);
  });
});
