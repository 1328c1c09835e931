-- GET requests to paths read from the file named by $BENCH_PATHS (one path per line), chosen at random,
-- so each connection walks over many certificates instead of one hot row.
dofile("bench/wrk/common.lua")
local paths = lines("BENCH_PATHS")
local headers = {}
if os.getenv("BENCH_ACCEPT") then headers["Accept"] = os.getenv("BENCH_ACCEPT") end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
