/**
 * bidi — a minimal WebDriver BiDi client for Debian's Firefox (Playwright cannot drive it).
 *
 * What: `BiDi.connect(wsUrl)` opens the WebSocket, `send(method, params)` sends one command and resolves to its
 * `result` (rejects on an `error` answer or after `timeoutMs`), `on(event, fn)` listens to events, `close()` ends.
 * WebSocket: Node 20 has no global WebSocket; the `ws` package (a dev dependency) is the client.
 */
import WebSocket from 'ws';

type WsLike = {
  on(event: 'open' | 'close', fn: () => void): void;
  on(event: 'message', fn: (data: Buffer) => void): void;
  on(event: 'error', fn: (e: Error) => void): void;
  send(data: string): void;
  close(): void;
  terminate(): void;
  readyState: number;
};
type WsCtor = new (url: string, opts?: object) => WsLike;

const WebSocketImpl = WebSocket as unknown as WsCtor;

export class BiDiError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
    message: string,
  ) {
    super(`${method}: ${error}: ${message}`);
  }
}

type Pending = { ok: (v: unknown) => void; fail: (e: Error) => void; timer: NodeJS.Timeout; method: string };

export class BiDi {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  private closed = false;

  private constructor(
    private readonly socket: WsLike,
    readonly timeoutMs: number,
  ) {
    socket.on('message', (data) => this.onMessage(String(data)));
    socket.on('close', () => this.onClose(new Error('BiDi connection closed')));
    socket.on('error', (e) => this.onClose(e));
  }

  static connect(url: string, timeoutMs = 20_000): Promise<BiDi> {
    return new Promise((ok, fail) => {
      const socket = new WebSocketImpl(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      socket.on('open', () => ok(new BiDi(socket, timeoutMs)));
      socket.on('error', fail);
    });
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, timeoutMs = this.timeoutMs): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`BiDi closed before ${method}`));
    const id = this.nextId++;
    return new Promise<T>((ok, fail) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        fail(new Error(`BiDi ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail, timer, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(event: string, fn: (params: Record<string, unknown>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  close(): void {
    if (this.closed) return;
    this.onClose(new Error('BiDi closed'));
    try {
      this.socket.close();
    } catch {
      this.socket.terminate();
    }
  }

  private onMessage(text: string): void {
    let msg: { id?: number; type?: string; method?: string; params?: Record<string, unknown>; result?: unknown; error?: string; message?: string };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    if (msg.type === 'event' && msg.method) {
      for (const fn of this.listeners.get(msg.method) ?? []) fn(msg.params ?? {});
      return;
    }
    if (typeof msg.id !== 'number') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.type === 'error') p.fail(new BiDiError(p.method, msg.error ?? 'error', msg.message ?? ''));
    else p.ok(msg.result);
  }

  private onClose(e: Error): void {
    this.closed = true;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.fail(e);
    }
    this.pending.clear();
  }
}

/** A BiDi remote value (script.evaluate result), turned back into plain JSON-ish data. */
export type RemoteValue = { type: string; value?: unknown; handle?: string };

export function fromRemote(v: RemoteValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'string' ? Number(v.value) : v.value;
    case 'bigint':
      return BigInt(v.value as string);
    case 'array':
    case 'set':
      return ((v.value as RemoteValue[]) ?? []).map(fromRemote);
    case 'object':
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, val] of (v.value as [string | RemoteValue, RemoteValue][]) ?? []) {
        out[typeof k === 'string' ? k : String(fromRemote(k))] = fromRemote(val);
      }
      return out;
    }
    default:
      return `[${v.type}]`;
  }
}

/**
 * `script.evaluate` in a browsing context (content, or chrome with --remote-allow-system-access): awaits promises,
 * returns the value as JSON-ish data, throws with the page's exception text on failure.
 */
export async function evaluate<T = unknown>(bidi: BiDi, context: string, expression: string): Promise<T> {
  const r = await bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text?: string } }>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
    serializationOptions: { maxObjectDepth: 8 },
  });
  if (r.type !== 'success') throw new Error(`evaluate failed: ${r.exceptionDetails?.text ?? JSON.stringify(r)}\n  in: ${expression.slice(0, 200)}`);
  return fromRemote(r.result) as T;
}
