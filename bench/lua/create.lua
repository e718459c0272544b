-- POST /api/annotations on the load article, whose ASCII text is in GLOSS_TEXT_FILE (byte
-- offsets are code points there). Every request tags a different (first word, length, label), so
-- no request is refused as a duplicate: request g of the whole bench (GLOSS_OFFSET counts the
-- earlier runs) takes word (g * 7919) mod words, 1–4 words long, one of three labels.
dofile("bench/lua/report.lua")
local article = os.getenv("GLOSS_ARTICLE")
local offset = tonumber(os.getenv("GLOSS_OFFSET") or "0")
local total = tonumber(os.getenv("GLOSS_THREADS") or "1")
local headers = auth_headers()
local f = assert(io.open(os.getenv("GLOSS_TEXT_FILE"), "rb"))
local text = f:read("*a")
f:close()
local starts = {}
local at = 1
while at <= #text do
  starts[#starts + 1] = at
  local space = text:find(" ", at, true)
  if not space then break end
  at = space + 1
end
local labels = { "CLAIM", "ACTOR", "LOCATION" }
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("stripe", threads)
end

local n = 0
function request()
  n = n + 1
  local g = offset + (n - 1) * total + (stripe or 1) - 1
  local words = #starts
  local first = (g * 7919) % (words - 5) + 1
  local length = 1 + math.floor(g / words) % 4
  local label = labels[1 + math.floor(g / (words * 4)) % 3]
  local s = starts[first]
  local e = starts[first + length] - 1
  local quote = text:sub(s, e):gsub("[%p%s]+$", "")
  local json_quote = quote:gsub("\n", "\\n")
  local body = string.format('{"articleId":%s,"label":"%s","start":%d,"end":%d,"quote":"%s"}',
      article, label, s - 1, s - 1 + #quote, json_quote)
  return wrk.format("POST", "/api/annotations", headers, body)
end

function done(summary, latency, requests) report(summary, latency) end
