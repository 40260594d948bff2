/**
 * Prints one plain closing line, "N passed, N failed, N skipped", so that CI
 * (which does not parse jest's own summary) can tell a run that tested
 * nothing from one that passed. Each skipped test is listed by name above it:
 * a test skipped for a reason says the reason in its name (support/skip.ts).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) => file.testResults.filter((t) => t.status === 'pending').map((t) => `  skipped: ${t.fullName}\n`));
    process.stdout.write(`\n${skipped.join('')}jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
