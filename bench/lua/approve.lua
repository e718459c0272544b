-- POST /api/annotations/{id}/decision APPROVE, each request a different SUBMITTED annotation,
-- ids from GLOSS_IDS_FILE (one a line), each thread taking its own stripe of them, after the
-- GLOSS_OFFSET ids that earlier runs approved.
dofile("bench/lua/report.lua")
local headers = auth_headers()
local ids = {}
for line in io.lines(os.getenv("GLOSS_IDS_FILE")) do ids[#ids + 1] = line end
local threads = 0
local total = tonumber(os.getenv("GLOSS_THREADS") or "1")
local offset = tonumber(os.getenv("GLOSS_OFFSET") or "0")

function setup(thread)
  threads = threads + 1
  thread:set("stripe", threads)
end

local n = 0
function request()
  n = n + 1
  local id = ids[(offset + (n - 1) * total + (stripe or 1) - 1) % #ids + 1]
  return wrk.format("POST", "/api/annotations/" .. id .. "/decision", headers, '{"decision":"APPROVE"}')
end

function done(summary, latency, requests) report(summary, latency) end
