// /exercises/<id>/editor.json: the editor's tabs, the solution and the service types, fetched only
// when the learner reaches the exercise (the chapter HTML stays small). Hidden checks never go here.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allExercises, editorPayload } from '../../../build/exercise-data.ts';

export const getStaticPaths = (() =>
  allExercises().map((e) => ({ params: { id: e.manifest.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const exercise = allExercises().find((e) => e.manifest.id === params['id']);
  if (!exercise) return new Response('unknown exercise', { status: 404 });
  return new Response(JSON.stringify(await editorPayload(exercise)), {
    headers: { 'content-type': 'application/json' },
  });
};
