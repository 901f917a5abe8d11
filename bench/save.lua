-- Saves revisions: each wrk thread is one writer (its own token) with one connection, cycling
-- over pages of its own ("bench-save-<round>-<writer>-<n>", created by run.sh at revision 1).
-- With one connection a response always answers the thread's last request, so the revision it
-- reports is the base of the next save of that page: saves are on the current revision, as an
-- editor's are. Status counts go into the report, so any 409 or error shows.
dofile(os.getenv("BENCH_DIR") .. "/stats.lua")

local next_writer = 1
function setup(thread)
  thread:set("writer", next_writer)
  next_writer = next_writer + 1
  keep_thread(thread)
end

function init(args)
  local tokens = {}
  for token in os.getenv("BENCH_TOKENS"):gmatch("[^,]+") do
    table.insert(tokens, token)
  end
  token = tokens[(writer - 1) % #tokens + 1]
  community = os.getenv("BENCH_COMMUNITY")
  round = os.getenv("BENCH_ROUND")
  pages = tonumber(os.getenv("BENCH_SAVE_PAGES"))
  local file = io.open(os.getenv("BENCH_SAVE_TEXT"))
  text = file:read("*a") -- the JSON-escaped Markdown of a typical article, without quotes
  file:close()
  revisions = {}
  for i = 1, pages do
    revisions[i] = 1
  end
  page = 0
  edits = 0
  statuses = {}
  told = false
end

function request()
  page = page % pages + 1
  edits = edits + 1
  local body = '{"title":"Замер сохранения ' .. writer .. '-' .. page .. '","markdown":"' ..
    text .. '\\n\\nПравка номер ' .. edits .. '.","baseRevision":' .. revisions[page] ..
    ',"summary":"замер"}'
  return wrk.format("PUT",
    "/api/communities/" .. community .. "/pages/bench-save-" .. round .. "-" .. writer .. "-" .. page,
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 and not told then
    -- The first refusal of each writer, so a broken scenario says why.
    io.stderr:write("writer " .. writer .. ": " .. status .. " " .. body:sub(1, 300) .. "\n")
    told = true
  end
  local revision = body:match('"revision":(%d+)')
  if revision then
    revisions[page] = tonumber(revision)
  end
end
