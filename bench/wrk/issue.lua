-- POST /api/v1/certificates (or a batch of $BENCH_BATCH to /api/v1/certificates:batch) as the certifiers
-- in $BENCH_CERTIFIERS (token per line), for holders and products in $BENCH_HOLDERS
-- ("creditCode<TAB>model" per line) and the standards in $BENCH_STANDARDS (one number per line).
dofile("bench/wrk/common.lua")
local certifiers = lines("BENCH_CERTIFIERS")
local holders = lines("BENCH_HOLDERS")
local standards = lines("BENCH_STANDARDS")
local batch = tonumber(os.getenv("BENCH_BATCH") or "0")

local function item()
  local code, model = holders[math.random(#holders)]:match("([^\t]+)\t([^\t]+)")
  return string.format('{"holder":"%s","productModel":"%s","standard":"%s","scope":"产品的设计和生产",'
    .. '"certificationMode":"型式试验+初始工厂检查+获证后监督",'
    .. '"productionSite":{"name":"一号工厂","address":"深圳市宝安区福永街道 1 号"}}',
    code, model, standards[math.random(#standards)])
end

function request()
  local headers = {
    ["Authorization"] = "Bearer " .. certifiers[math.random(#certifiers)],
    ["Content-Type"] = "application/json",
  }
  if batch > 0 then
    local items = {}
    for i = 1, batch do items[i] = item() end
    return wrk.format("POST", "/api/v1/certificates:batch", headers, '{"certificates":[' .. table.concat(items, ",") .. ']}')
  end
  return wrk.format("POST", "/api/v1/certificates", headers, item())
end

-- wrk counts 4xx and 5xx; a batch answers 200 even when items failed, so look inside too.
function response(status, headers, body)
  if (status ~= 201 and status ~= 200) or (batch > 0 and not string.find(body, '"failed":0', 1, true)) then
    io.stderr:write("unexpected answer " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
  end
end
