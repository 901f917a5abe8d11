-- One fixed GET (page view, ceiling, API page read): wrk's own request, just the report added.
dofile(os.getenv("BENCH_DIR") .. "/stats.lua")
