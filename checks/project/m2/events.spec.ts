// Milestone 2, real time: socket.io on the service's port, the JWT checked at the handshake,
// and each task event sent only to the people allowed to see the task.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { call, contract, expectStatus, forgeries, type Member } from '../helpers/client.ts';
import { members } from '../helpers/members.ts';
import { collect, connectSocket, eventually } from '../helpers/realtime.ts';

let ada: Member;
let eve: Member;
beforeAll(() => {
  ({ ada, eve } = members());
});
const sockets: Socket[] = [];
afterAll(() => {
  for (const socket of sockets) socket.close();
});

async function connected(member: Member): Promise<Socket> {
  try {
    const socket = await connectSocket(member.token);
    sockets.push(socket);
    return socket;
  } catch (error) {
    throw new Error(`A socket.io connection with a valid token in auth.token was refused (${(error as Error).message}); the contract says it is accepted.`);
  }
}

describe('M2 events', () => {
  it('a socket.io connection without a token, or with a forged token, is refused at the handshake', async () => {
    const attempts: Array<[string, string | undefined]> = [['no token', undefined], ['a forged token', 'not.a.jwt'], ...forgeries(ada.token)];
    for (const [label, token] of attempts) {
      const refused = await connectSocket(token).then(
        (socket) => {
          socket.close();
          return false;
        },
        () => true,
      );
      contract(refused, `A socket.io connection with ${label} was accepted; the contract says the handshake refuses it (connect_error).`);
    }
  });

  it('the creator receives task:created for a task they create', async () => {
    const socket = await connected(ada);
    const created = collect(socket, 'task:created');
    const answer = await call('POST', '/tasks', { token: ada.token, body: { title: 'Announce me' } });
    expectStatus(answer, 201);
    const got = await eventually(() => created.some((t) => t.id === answer.body.id));
    contract(got, `Ada created task ${answer.body.id} but her socket received no task:created with that id within 5 s; the contract says the creator receives it.`);
  });

  it('task:completed and task:deleted reach the creator and never a member who may not see the task', async () => {
    const adaSocket = await connected(ada);
    const eveSocket = await connected(eve);
    const toAda = collect(adaSocket, 'task:completed');
    const deletedToAda = collect(adaSocket, 'task:deleted');
    const toEve = collect(eveSocket, 'task:completed');
    const eveCreated = collect(eveSocket, 'task:created');
    const eveDeleted = collect(eveSocket, 'task:deleted');
    const answer = await call('POST', '/tasks', { token: ada.token, body: { title: 'Private work' } });
    expectStatus(answer, 201);
    expectStatus(await call('POST', `/tasks/${answer.body.id}/complete`, { token: ada.token }), 200);
    const got = await eventually(() => toAda.some((t) => t.id === answer.body.id));
    contract(got, `Ada completed task ${answer.body.id} but her socket received no task:completed within 5 s; the contract says the creator receives it.`);
    expectStatus(await call('DELETE', `/tasks/${answer.body.id}`, { token: ada.token }), 204);
    const gotDeleted = await eventually(() => deletedToAda.some((t) => t.id === answer.body.id));
    contract(gotDeleted, `Ada deleted task ${answer.body.id} but her socket received no task:deleted within 5 s; the contract says the creator receives it.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const leaked = [...toEve, ...eveCreated, ...eveDeleted].filter((t) => t.id === answer.body.id).length;
    contract(leaked === 0, `Eve received ${leaked} event(s) about Ada's task ${answer.body.id}; the contract says events go only to the creator, the assignee and subscribers allowed to see the task (send them to a room per user, not to everyone).`);
  });

  it('task:updated reaches the assignee when the task is given to them', async () => {
    const eveSocket = await connected(eve);
    const updates = collect(eveSocket, 'task:updated');
    const answer = await call('POST', '/tasks', { token: ada.token, body: { title: 'For Eve' } });
    expectStatus(answer, 201);
    expectStatus(await call('POST', `/tasks/${answer.body.id}/assign`, { token: ada.token, body: { userId: eve.id } }), 200);
    const got = await eventually(() => updates.some((t) => t.id === answer.body.id));
    contract(got, `Ada assigned task ${answer.body.id} to Eve but Eve's socket received no task:updated within 5 s; the contract says the assignee receives it.`);
  });
});
