import path from 'node:path';

/** Whether `target` (a resolved absolute path) is `folder` or lies below it. */
export function isInside(target: string, folder: string): boolean {
  return target === folder || target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}
