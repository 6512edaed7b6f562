-- wrk script: rotate-paths.lua at a fixed offered rate. Each connection waits a random
-- (exponential) time between its requests, so 64 connections together send about
-- 64 / mean-interval requests per second, as independent shoppers would; wrk times
-- each request from when it is sent. Arguments: the paths file, the mean interval in ms.
dofile("bench/rotate-paths.lua")

local rotate_init = init
local mean_interval_ms = 0

function init(args)
  rotate_init(args)
  mean_interval_ms = tonumber(args[2])
end

function delay()
  return -math.log(1 - math.random()) * mean_interval_ms
end
