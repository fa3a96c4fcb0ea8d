-- wrk script for bench/registrations.sh: every request registers a new person for one event through
-- the JSON API (POST REG_PATH), with an address no request used before (thread number and a counter),
-- and an X-Forwarded-For address of its own, so that the server, started behind one trusted proxy,
-- counts each request as another applicant's and its per-address limit refuses none. The summary
-- line is the harness's (lib/wrk-summary.lua); its non2xx counts any refusal.
-- env: REG_PATH (/api/v1/events/SLUG/registrations), REG_RUN (a name for this run, unique per server:
--      the warm-up's addresses must not come again in the measured run), HARNESS_SUMMARY (lib/wrk-summary.lua)
local path = os.getenv("REG_PATH")
local run = os.getenv("REG_RUN") or "run"
dofile(os.getenv("HARNESS_SUMMARY"))

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local n = 0
function request()
  n = n + 1
  local who = string.format("%s-t%d-%d", run, id, n)
  local body = string.format(
    '{"name":"Bench Applicant %s","email":"bench-%s@example.org","applicantType":"img","programs":[]}', who, who)
  -- 10.0.0.1 ... : the first octet names the wrk thread, the other three the request (16 million each).
  local address = string.format("%d.%d.%d.%d", 10 + id, math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address}, body)
end
