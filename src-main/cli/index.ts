// Temporary until the Markdown export lands (issue 4): say so plainly.
process.stderr.write('leadline export: the Markdown export is not available in this build yet.\n');
process.exitCode = 1;
export {};
