// Where the CLI writes. Commands get a Terminal instead of process.stdout, so tests can capture
// the output and decide whether it is interactive.
export interface Terminal {
  /** Results: what a script would pipe onward (stdout). */
  write(text: string): void;
  /** Warnings and errors (stderr). */
  warn(text: string): void;
  /** stdout is a person's terminal: redraw a progress bar in place. */
  readonly interactive: boolean;
  /** Use ANSI colors on stdout. */
  readonly color: boolean;
  /** Width for lines that must fit on one row. */
  readonly columns: number;
}

export function processTerminal(env: Record<string, string | undefined>): Terminal {
  const interactive = Boolean(process.stdout.isTTY);
  return {
    write: (text) => void process.stdout.write(text),
    warn: (text) => void process.stderr.write(text),
    interactive,
    // https://no-color.org: any non-empty NO_COLOR turns colors off.
    color: interactive && !env.NO_COLOR,
    get columns() {
      return process.stdout.columns || 80;
    },
  };
}
