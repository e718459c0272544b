-- POST /api/annotations: random spans of 1–4 words on the load article, whose ASCII text is in
-- GLOSS_TEXT_FILE (byte offsets are code points there). A repeated span is a 409 and is counted.
dofile("bench/lua/report.lua")
local article = os.getenv("GLOSS_ARTICLE")
local headers = auth_headers()
local f = assert(io.open(os.getenv("GLOSS_TEXT_FILE"), "rb"))
local text = f:read("*a")
f:close()
local labels = { "CLAIM", "ACTOR", "LOCATION" }
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

local function span()
  local start = math.random(1, #text - 200)
  while start > 1 and text:sub(start - 1, start - 1) ~= " " do start = start - 1 end
  local stop = start
  for _ = 1, math.random(1, 4) do
    local space = text:find(" ", stop + 1, true)
    if not space then break end
    stop = space
  end
  local quote = text:sub(start, stop - 1):gsub("[%p%s]+$", "")
  return start - 1, start - 1 + #quote, quote
end

function request()
  local s, e, quote = span()
  local body = string.format('{"articleId":%s,"label":"%s","start":%d,"end":%d,"quote":"%s"}',
      article, labels[math.random(1, 3)], s, e, quote:gsub('\\', '\\\\'):gsub('"', '\\"'))
  return wrk.format("POST", "/api/annotations", headers, body)
end

function done(summary, latency, requests) report(summary, latency) end
