-- wrk script: cycles through the request paths listed in a file (one per line),
-- each request with its own User-Agent, so every request is a distinct download.
local paths = {}
local counter = 0
local thread_id = 0

-- Seeded per wrk run: back-to-back runs must not repeat a User-Agent on the same
-- license within the shop's 10-second double-click window.
local seeded = false
function setup(thread)
  if not seeded then math.randomseed(os.time()); seeded = true end
  thread:set("id", math.random(1, 1000000000))
end

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  thread_id = id or 0
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, { ["User-Agent"] = "bench-" .. thread_id .. "-" .. counter })
end
