/** What every command gets: where to print, and whether a person is watching. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal and --json is not set: progress may be shown. */
  interactive: boolean;
  debug: boolean;
}

export function nodeCliContext(json: boolean, debug: boolean): CliContext {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    interactive: !json && Boolean(process.stderr.isTTY),
    debug,
  };
}
