"""The Redis cache: django-redis, failing open, each operation timed for the metrics.

With ``IGNORE_EXCEPTIONS``, while Redis is down reads miss and writes are dropped: pages and
figures are computed from the database, a little slower, instead of failing. The outage is not
logged on every call (a traceback each); ``/readyz`` names the cache and the metrics show it.
django-redis keeps one client per connection pool for the process.
"""

from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .observability import timed_cache_operation

#: What a cache call raises while Redis is unreachable, where exceptions are not ignored.
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)

TIMED_OPERATIONS = ("get", "get_many", "set", "set_many", "add", "delete", "delete_many", "incr",
                    "has_key", "touch")


class TimedRedisCache(RedisCache):
    pass


for _operation in TIMED_OPERATIONS:
    setattr(TimedRedisCache, _operation, timed_cache_operation(_operation, getattr(RedisCache, _operation)))


def redis_cache_settings(url: str) -> dict:
    return {
        "BACKEND": "alliance.cache.TimedRedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": True,
        },
    }
