-- Shared by the wrk scripts: reading request data from files and seeding each thread differently.
function lines(name)
  local out = {}
  local file = assert(io.open(os.getenv(name), "r"))
  for line in file:lines() do
    if #line > 0 then out[#out + 1] = line end
  end
  file:close()
  return out
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end
