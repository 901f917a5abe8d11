-- Shared by every scenario: keeps the threads and, when wrk is done, prints one line
-- "BENCH {json}" that bench/run.sh reads (latency in milliseconds).
threads = {}

function keep_thread(thread)
  table.insert(threads, thread)
end

setup = keep_thread

-- Status counts that scripts with a response() callback keep per thread, added up.
local function statuses()
  local all = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    if counts then
      for status, n in pairs(counts) do
        all[status] = (all[status] or 0) + n
      end
    end
  end
  local parts = {}
  for status, n in pairs(all) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p95":%.3f,"p99":%.3f,' ..
    '"max":%.3f,"non2xx":%d,"socketErrors":%d,"statuses":%s}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, statuses()))
end
