from django.core.cache.backends.base import InvalidCacheBackendError
from django_redis.exceptions import ConnectionInterrupted
from prometheus_client import REGISTRY
from redis.exceptions import ConnectionError as RedisConnectionError

from alliance.core.cache import TimedRedisCache, redis_cache_settings

# Port 1 on loopback: connection refused at once.
UNREACHABLE = "redis://127.0.0.1:1/0"


def unreachable_cache(**options) -> TimedRedisCache:
    params = redis_cache_settings(UNREACHABLE)
    params["OPTIONS"].update(options)
    return TimedRedisCache(UNREACHABLE, params)


def test_reads_miss_while_redis_is_down():
    cache = unreachable_cache()
    assert cache.get("figures", "computed") == "computed"
    assert cache.get_many(["a", "b"]) == {}
    assert not cache.has_key("figures")


def test_writes_are_dropped_while_redis_is_down():
    cache = unreachable_cache()
    cache.set("figures", 1)
    assert not cache.add("figures", 1)
    cache.delete("figures")
    assert cache.get_or_set("figures", lambda: 42) == 42


def test_without_fail_open_the_outage_would_reach_the_page():
    """What IGNORE_EXCEPTIONS is there for: without it every page would fail while Redis is down."""
    cache = unreachable_cache(IGNORE_EXCEPTIONS=False)
    try:
        cache.get("figures")
    except (ConnectionInterrupted, RedisConnectionError, InvalidCacheBackendError):
        return
    raise AssertionError("an unreachable Redis raised nothing")


def test_one_redis_client_serves_every_call_of_the_process():
    cache = unreachable_cache()
    client = cache.client.get_client(write=False)
    assert cache.client.get_client(write=True) is client
    assert cache.client.get_client() is client


def test_each_cache_operation_is_timed_for_the_metrics():
    def observed(operation: str) -> float:
        return REGISTRY.get_sample_value("alliance_cache_seconds_count", {"operation": operation}) or 0

    before = observed("get"), observed("set"), observed("get_many")
    cache = unreachable_cache(SOCKET_CONNECT_TIMEOUT=0.05)
    cache.get("figures")
    cache.set("figures", 1)
    cache.get_many(["figures"])
    after = observed("get"), observed("set"), observed("get_many")
    assert all(later > earlier for earlier, later in zip(before, after, strict=True))
