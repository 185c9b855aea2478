from alliance.cache import ResilientRedisCache


def unreachable_cache() -> ResilientRedisCache:
    # Port 1 on loopback: connection refused at once.
    return ResilientRedisCache("redis://127.0.0.1:1/0",
                               {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}})


def test_reads_miss_while_redis_is_down():
    cache = unreachable_cache()
    assert cache.get("figures", "computed") == "computed"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("figures") is False


def test_writes_are_dropped_while_redis_is_down():
    cache = unreachable_cache()
    cache.set("figures", 1)
    assert cache.add("figures", 1) is False
    cache.delete("figures")
    assert cache.get_or_set("figures", lambda: 42) == 42


def test_one_redis_client_serves_every_call_of_the_process():
    backend = unreachable_cache()._cache
    client = backend.get_client("figures")
    assert backend.get_client("other") is client
    assert backend.get_client(None, write=True) is client
    assert client.connection_pool is backend._get_connection_pool(write=False)
