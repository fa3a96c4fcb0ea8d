-- wrk script for bench/search-burst.sh: every request is a search for one of the applicant queries in
-- bench/search-queries.txt, picked at random. The summary line is the harness's (lib/wrk-summary.lua).
--   SEARCH_MODE=varied    the queries as listed: after the first pass mostly repeat searches
--   SEARCH_MODE=uncached  each letter randomly upper or lower case: the same searches, a new page-cache
--                         key nearly every time (pages are kept by URL); the kept results are keyed by
--                         the words searched, so Lucene runs once per query (bench/uncached.sh asks new ones)
--   SEARCH_MODE=single    the first query only
-- env: SEARCH_QUERIES (the list), HARNESS_SUMMARY (path of the harness's lib/wrk-summary.lua)
local mode = os.getenv("SEARCH_MODE") or "varied"
local queries = {}
for line in io.lines(os.getenv("SEARCH_QUERIES")) do
  if line ~= "" then queries[#queries + 1] = line end
end
dofile(os.getenv("HARNESS_SUMMARY"))

local function encode(s)
  return (s:gsub("[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function mixed_case(s)
  return (s:gsub("%a", function(c) if math.random(2) == 1 then return c:upper() end return c end))
end

function init(args)
  math.randomseed(os.time())
end

function request()
  local q = queries[1]
  if mode ~= "single" then q = queries[math.random(#queries)] end
  if mode == "uncached" then q = mixed_case(q) end
  return wrk.format("GET", "/search?q=" .. encode(q))
end
