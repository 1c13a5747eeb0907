import type { CliIo } from "./io.js";

/** A one-line progress display on stderr, shown only once work has taken over a second. */
export interface Progress {
  update(text: string): void;
  done(): void;
}

/**
 * Shows progress on an interactive terminal after `delayMs` (1 s); prints nothing when stderr is
 * not a terminal (pipes, CI) or the work finishes first.
 */
export function createProgress(
  stream: CliIo["stderr"],
  options: { delayMs?: number; now?: () => number; interval?: boolean } = {},
): Progress {
  const now = options.now ?? Date.now;
  const start = now();
  const delay = options.delayMs ?? 1000;
  let text = "";
  let shown = false;
  const render = () => {
    if (!stream.isTTY || text === "" || now() - start < delay) return;
    stream.write(`\r\x1b[2K${text}`);
    shown = true;
  };
  const timer = options.interval === false ? undefined : setInterval(render, 200);
  timer?.unref?.();
  return {
    update(next) {
      text = next;
      render();
    },
    done() {
      if (timer) clearInterval(timer);
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
