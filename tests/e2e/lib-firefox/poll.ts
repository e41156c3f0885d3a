/** Ask `get` every 150 ms until `done` holds; throws, naming `what` and the last value, after `timeoutMs`. */
export async function poll<T>(what: string, get: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await get();
  while (!done(last)) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((ok) => setTimeout(ok, 150));
    last = await get();
  }
  return last;
}
