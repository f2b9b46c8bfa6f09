export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string; line: number };

/** JSON.parse that never throws: the value, or "malformed JSON: ..." with the line of the problem. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    return {
      ok: false,
      message: `malformed JSON: ${withoutInput(message)}`,
      line: position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length,
    };
  }
}

/**
 * V8 quotes the text around a bad token (`Unexpected token 'h', "{"password": hunter2"... is not
 * valid JSON`): a diagnostic must never repeat input, which may be a secret.
 */
function withoutInput(message: string): string {
  return message
    .replace(/,\s*(?:\.\.\.)?".*is not valid JSON$/s, '')
    .replace(/^Unexpected token '.+?'/s, 'Unexpected token');
}
