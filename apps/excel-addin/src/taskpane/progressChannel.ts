import { createContext, useContext, useEffect, useState } from "react";

/** How far the adapter is in reading one large sheet (it reads in row chunks). */
export interface RowsRead {
  sheet: string;
  done: number;
  total: number;
}

/** A broadcast of progress from below the services (the adapter's chunked reads) to whoever shows it. */
export interface ProgressChannel<T> {
  emit(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

/**
 * A channel with any number of listeners; emitting with none is a no-op.
 *
 * @example const rows = createProgressChannel<RowsRead>(); rows.subscribe(console.log); rows.emit(p);
 */
export function createProgressChannel<T>(): ProgressChannel<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    emit(value) {
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The channel of the adapter's row reads, given by the app's root. */
export const RowsReadContext = createContext<ProgressChannel<RowsRead> | undefined>(undefined);

/**
 * The latest rows-read progress since the calling component mounted (undefined before any).
 *
 * @example const rows = useRowsRead(); rows && `${rows.done}/${rows.total}`
 */
export function useRowsRead(): RowsRead | undefined {
  const channel = useContext(RowsReadContext);
  const [rows, setRows] = useState<RowsRead | undefined>(undefined);
  useEffect(() => channel?.subscribe(setRows), [channel]);
  return rows;
}

/**
 * Resolves after the browser has had a turn, so that a "running" state paints before a long run.
 *
 * @example setRunning(true); await yieldToBrowser(); await runCheck(...);
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
