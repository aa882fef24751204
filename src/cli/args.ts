/**
 * A small command-line reader: positional arguments and `--name value` / `--flag` options,
 * with the names a command accepts declared up front so that a typo is an error, not a
 * silently ignored option.
 */

/** What {@link parseArgs} returns. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

/** A usage error: the message is shown with the command's help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Reads `argv` against the options (taking a value) and flags (taking none) a command knows.
 *
 * @throws {@link UsageError} for an unknown option, or an option without its value
 */
export function parseArgs(
  argv: readonly string[],
  spec: { readonly options: readonly string[]; readonly flags: readonly string[] },
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options, flags };
}
