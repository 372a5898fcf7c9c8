// A Jest reporter that names every skipped test at the end of the run, with its whole title: a
// browser test skipped because Chromium is missing says so (and why) in the test output. Jest's
// default reporter only counts skipped tests, and drops what a fully skipped file logged.

class SkippedReporter {
  onRunComplete(_contexts, results) {
    const lines = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending' && test.status !== 'skipped') continue;
        const where = file.testFilePath.replace(`${process.cwd()}/`, '');
        lines.push(`  ○ ${where}: ${[...test.ancestorTitles, test.title].join(' › ')}`);
      }
    }
    if (lines.length > 0) process.stderr.write(`\nSkipped tests (${lines.length}):\n${lines.join('\n')}\n`);
  }
}

module.exports = SkippedReporter;
