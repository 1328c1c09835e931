-- GET requests to paths read from the file named by $BENCH_PATHS (one path per line), chosen at random,
-- so each connection walks over many certificates instead of one hot row.
local paths = {}
local file = assert(io.open(os.getenv("BENCH_PATHS"), "r"))
for line in file:lines() do
  if #line > 0 then paths[#paths + 1] = line end
end
file:close()
local headers = {}
if os.getenv("BENCH_ACCEPT") then headers["Accept"] = os.getenv("BENCH_ACCEPT") end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
