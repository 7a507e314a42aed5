/**
 * The value of a JSON text, or null when the text is not JSON (a value from a button, a card or a
 * stored record that anyone could have written). Any other error is a bug and surfaces.
 */
export function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
