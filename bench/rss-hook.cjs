// Loaded with --require when GNU time is not available: reports the node process's peak RSS.
process.on('exit', () => {
  process.stderr.write(`\nqm-bench-rss ${process.resourceUsage().maxRSS}\n`);
});
