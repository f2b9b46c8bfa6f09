/** --no-color and NO_COLOR always win; FORCE_COLOR colours a pipe (e.g. into less -R); otherwise only a terminal. */
export function wantsColour(flag: boolean): boolean {
  if (!flag || process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return process.stdout.isTTY === true;
}
