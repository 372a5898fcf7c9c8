// JSON the script stored (script properties, hidden cells) read back without trusting it: a value
// damaged by hand or cut short reads as "nothing stored", and each caller then checks the shape.

/** The value a JSON text holds; undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Only a SyntaxError can come from JSON.parse on a string: the text is not what was stored.
    return undefined;
  }
}
