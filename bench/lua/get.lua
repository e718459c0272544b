-- GET of GLOSS_PATH with the token of GLOSS_TOKEN (list annotations, the annotation page, the queue).
dofile("bench/lua/report.lua")
local path = os.getenv("GLOSS_PATH")
local headers = auth_headers()
function request() return wrk.format("GET", path, headers) end
function done(summary, latency, requests) report(summary, latency) end
