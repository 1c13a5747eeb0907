/** Where the CLI writes: injected so tests can capture it. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The machine's date in Asia/Shanghai, "YYYY-MM-DD" (the only clock the CLI reads). */
  today(): string;
  /** This moment in UTC as iCalendar writes it, "20231101T080000Z" (for DTSTAMP). */
  stamp(): string;
  /** The working directory relative paths resolve against. */
  cwd: string;
}

/** Today's calendar date in Asia/Shanghai, where the school is. */
export function shanghaiToday(now: Date = new Date()): string {
  // China Standard Time is UTC+8 all year (no daylight saving since 1991): the date 8 hours ahead of
  // UTC. Cheaper than Intl with a time zone, whose data takes ~20 ms to load on every run.
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The process's own streams and clock. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    today: () => shanghaiToday(),
    stamp: () => `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`,
    cwd: process.cwd(),
  };
}
