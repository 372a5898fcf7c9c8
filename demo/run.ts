// `npm start`: the options and the output folder are checked first (only Node built-ins are
// loaded for that, so `--help`, a bad option or a folder that cannot be written answer at once,
// exit status 2), then play.ts builds the bundle and plays the seeded week in the emulator.

import { HELP, outputFolderProblem, parseOptions, UsageError, type Options } from './cli';

const started = Date.now();

function check(argv: readonly string[]): Options | number {
  let options: Options | null;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm start: ${error.message}.\nSee npm start -- --help for the options.`);
    return 2;
  }
  if (!options) {
    console.log(HELP);
    return 0;
  }
  const problem = outputFolderProblem(options.out);
  if (problem !== null) {
    console.error(`npm start: the output folder cannot be used: ${problem}.\nChoose another with --out DIR.`);
    return 2;
  }
  return options;
}

/** Exits once everything printed has reached the terminal or the pipe. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

const checked = check(process.argv.slice(2));
if (typeof checked === 'number') exit(checked);
else
  import('./play').then(
    ({ play }) => play(checked, started).then(exit),
    (error: unknown) => {
      console.error(error);
      exit(1);
    },
  );
