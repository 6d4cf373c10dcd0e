// The home page's "Start your project" download: project/skeleton/ as a .tar.gz with one top folder,
// packed while the site builds (no server needed, and precached with the rest of dist/ for offline).
import { packTarGz } from '../../grader/project/archive.ts';
import { skeletonFiles } from '../../grader/project/init.ts';

/** The folder the archive unpacks into, and the project's name. */
export const SKELETON_FOLDER = 'my-task-service';
/** Where the download is, below the site's base. */
export const SKELETON_DOWNLOAD_PATH = `/capstone/${SKELETON_FOLDER}.tar.gz`;

/** The archive's bytes, with every file under `my-task-service/`. */
export function skeletonArchive(repo: string): Buffer {
  const files = skeletonFiles(repo, SKELETON_FOLDER);
  return packTarGz(new Map([...files].map(([path, text]) => [`${SKELETON_FOLDER}/${path}`, text])));
}
