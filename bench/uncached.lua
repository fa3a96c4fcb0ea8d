-- wrk script for bench/uncached.sh: every request an address no cache has seen, built from lists
-- the script writes (UNCACHED_LISTS, a Lua file defining specialties, departments, words).
--   UNCACHED_MODE=finder   /programs?type=..&specialty=..|department=..&length=..&visa=..&comlex=yes&usce=..&sort=..:
--                          one combination per request (a few choices, as applicants make them)
--   UNCACHED_MODE=search   /search?q=three+different+words out of forty, each permutation once
--   UNCACHED_MODE=fixed    the URL given to wrk, every time (the floor: /healthz)
--   UNCACHED_FROM=front|back  warm-up takes the combinations from the end, the measured run from the
--                          start, so the measured run never meets an address the warm-up filled, as long
--                          as neither goes past half of them (it says so on stderr if it does: an address
--                          asked a second time is kept, and the run no longer measures what it says)
-- One wrk thread only (its counter is the thread's own). The summary line is the harness's.
local mode = os.getenv("UNCACHED_MODE") or "fixed"
local back = os.getenv("UNCACHED_FROM") == "back"
dofile(os.getenv("UNCACHED_LISTS"))
dofile(os.getenv("HARNESS_SUMMARY"))

-- As the finder writes its own addresses (Java's URLEncoder: a space is "+"), so none is redirected.
local function encode(s)
  return (s:gsub("[^%w%-_.* ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

-- Finder: type x (one specialty, one department or neither) x visa x length x sort, mixed radix.
local types = {"", "type=residency", "type=fellowship"}
local visas = {"", "visa=J-1", "visa=H-1B", "visa=H-1B&visa=J-1"}
local lengths = {"", "length=1", "length=2", "length=3", "length=4", "length=5"}
local sorts = {"", "sort=length", "sort=positions", "sort=deadline"}
local comlex = {"", "comlex=yes"}
local usce = {"", "usce=not-required"}
local narrow = {""}
for _, s in ipairs(specialties) do narrow[#narrow + 1] = "specialty=" .. encode(s) end
for _, d in ipairs(departments) do narrow[#narrow + 1] = "department=" .. encode(d) end
-- Narrowest choice varies fastest; the parts are written in the finder's own order (type, specialty,
-- department, length, visa, comlex, usce, sort), so no address is answered with a redirect to its canonical form.
local lists = {narrow, types, visas, sorts, lengths, comlex, usce}
local finderCount = #narrow * #types * #visas * #sorts * #lengths * #comlex * #usce

local function finder(i)
  local pick = {}
  for k, list in ipairs(lists) do
    pick[k] = list[1 + i % #list]; i = math.floor(i / #list)
  end
  local parts = {}
  for _, v in ipairs({pick[2], pick[1], pick[5], pick[3], pick[6], pick[7], pick[4]}) do
    if v ~= "" then parts[#parts + 1] = v end
  end
  return "/programs" .. (#parts > 0 and ("?" .. table.concat(parts, "&")) or "")
end

local searchCount = #words * (#words - 1) * (#words - 2)
local function search(i)
  local n = #words
  local a = i % n; i = math.floor(i / n)
  local b = i % (n - 1); i = math.floor(i / (n - 1))
  local c = i % (n - 2)
  if b >= a then b = b + 1 end
  local lo, hi = math.min(a, b), math.max(a, b)
  if c >= lo then c = c + 1 end
  if c >= hi then c = c + 1 end
  return "/search?q=" .. words[a + 1] .. "+" .. words[b + 1] .. "+" .. words[c + 1]
end

local i = -1
local function past(count)
  if i == math.floor(count / 2) then
    io.stderr:write(string.format("uncached.lua: %s went past half of its %d addresses: from here it may meet the other run's\n", mode, count))
  end
end
function request()
  i = i + 1
  if mode == "finder" then
    past(finderCount)
    return wrk.format("GET", finder(back and (finderCount - 1 - i) or i))
  elseif mode == "search" then
    past(searchCount)
    return wrk.format("GET", search(back and (searchCount - 1 - i) or i))
  end
  return wrk.format("GET")
end
