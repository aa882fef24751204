/**
 * The `osmose` command: a thin application over the public API. One sub-command for now,
 * `od` (orbit determination from a TDM).
 */
import { UsageError } from './args';
import { type CliIo, describeError, OD_USAGE, runOd } from './odCommand';

const USAGE = `usage: osmose <command> [options]

commands:
  od <file.tdm> --sites <sites.json> [--initial <opm|oem|tle>]   orbit determination from angles

Run \`osmose <command> --help\` for a command's options.`;

/**
 * Runs the command line `argv` (without the node and script paths).
 *
 * @returns the process exit code
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      case 'od':
        return runOd(rest, io);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    io.err(describeError(e));
    if (e instanceof UsageError) io.err(command === 'od' ? OD_USAGE : USAGE);
    return 2;
  }
}
