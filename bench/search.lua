-- GET /api/search over a fixed set of Russian queries, each thread rotating through them.
dofile(os.getenv("BENCH_DIR") .. "/stats.lua")

local queries = {
  "переменные", "замыкание", "массивы и их методы", "промисы", "цикл while",
  "объекты", "функции-конструкторы", "регулярные выражения", "обработка событий",
  "прототипное наследование", "строки", "асинхронный код", "обработка ошибок",
  "куки", "веб-компоненты", "сравнение чисел", "рекурсия и стек", "классы",
  "генераторы", "деструктурирующее присваивание",
}

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/search?q=" .. encode(q)
end

local next_start = 0
function setup(thread)
  -- Threads start at different queries, so the rotation does not march in step.
  thread:set("n", next_start)
  next_start = next_start + 7
  keep_thread(thread)
end

function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
