/**
 * Where the path a file API opens comes from, read from the path expression and, through up to
 * three assignments in the same file, from what its names were set to. A read matters for a move
 * when the file lives on the server and not in the application: a path from configuration, an
 * absolute path, a folder named for data, or a file taken from a listing of such a folder.
 * Files shipped with the code (`__dirname`, class-path resources, views, a relative path), temporary
 * files and the kernel's own (`/proc`) travel with the application or the platform.
 */
export const PATH_ORIGINS = [
  'configured',
  'absolute',
  'data-folder',
  'listed',
  'bundled',
  'temporary',
  'system',
] as const;
export type PathOrigin = (typeof PATH_ORIGINS)[number];
