-- Shared by the benchmark's wrk scripts (the Java side puts this file first). Arguments after "--":
--   1: requests per second per wrk thread, 0 for a closed loop (as fast as the connections go)
--   2: a tag unique to this wrk run, so that ids never repeat across runs
-- Pacing: each request takes the next slot of an absolute schedule (next = next + interval), so the
-- rate holds without drift; a request whose slot has passed goes at once. Latency is measured by wrk
-- from the moment a request is written, so a late slot's wait is not counted (coordinated omission).
local ffi = require("ffi")
ffi.cdef[[
typedef struct evp_md_st EVP_MD;
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *d, size_t n,
                    unsigned char *md, unsigned int *md_len);
int EVP_EncodeBlock(unsigned char *t, const unsigned char *f, int n);
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]

-- wrk links libcrypto, so its symbols are there even where the unversioned libcrypto.so is not
local function load_crypto()
  for _, name in ipairs({"crypto", "libcrypto.so.3"}) do
    local ok, lib = pcall(ffi.load, name)
    if ok then return lib end
  end
  return ffi.C
end
local crypto = load_crypto()

local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local digest = ffi.new("unsigned char[32]")
local digest_length = ffi.new("unsigned int[1]")
local base64 = ffi.new("unsigned char[48]")
-- Base64(HMAC-SHA256(body, key)), as Spresso signs its webhooks
function hmac_sha256_base64(key, body)
  crypto.HMAC(crypto.EVP_sha256(), key, #key, body, #body, digest, digest_length)
  local length = crypto.EVP_EncodeBlock(base64, digest, digest_length[0])
  return ffi.string(base64, length)
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local interval_ms
local next_slot_ms
local function paced_delay()
  local now = now_ms()
  local slot = next_slot_ms or now
  next_slot_ms = slot + interval_ms
  if slot <= now then return 0 end
  return slot - now
end

function init(args)
  local rate = tonumber(args[1])
  run_tag = args[2]
  if rate > 0 then
    interval_ms = 1000 / rate
    delay = paced_delay
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
