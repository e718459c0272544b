-- Shared by every load script: one summary line per run, read by bench/run.sh.
-- wrk keeps a Lua state per thread; done() runs once, with the merged figures.
function report(summary, latency)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT median_ms=%.2f p99_ms=%.2f rps=%.1f requests=%d errors=%d\n",
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests / (summary.duration / 1e6), summary.requests, errors))
end

function auth_headers()
  return { ["Authorization"] = "Token " .. os.getenv("GLOSS_TOKEN"), ["Content-Type"] = "application/json" }
end
