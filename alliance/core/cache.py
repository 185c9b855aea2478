"""The Redis cache: django-redis, failing open, each operation timed for the metrics; and the
database cache that holds the rate-limit counters when there is no Redis.

With ``IGNORE_EXCEPTIONS``, while Redis is down reads miss and writes are dropped: pages and
figures are computed from the database, a little slower, instead of failing. The outage is not
logged on every call (a traceback each); ``/readyz`` names the cache and the metrics show it.
django-redis keeps one client per connection pool for the process.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now
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
        "BACKEND": "alliance.core.cache.TimedRedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": True,
        },
    }


#: The table of the rate-limit counters without Redis (created by alliance's migration 0005).
RATELIMIT_CACHE_TABLE = "alliance_ratelimit_cache"


class DatabaseCounterCache(DatabaseCache):
    """Django's database cache, for the rate-limit counters when no Redis is configured: every
    process and machine sharing the database counts in the same rows.

    ``incr`` is atomic (Django's reads, then writes the value anew with the default timeout): it
    first takes the row's write lock (a row lock on PostgreSQL, the database's on SQLite), so a
    concurrent increment waits instead of counting from the same value, and it keeps the row's
    expiry, the end of the rate limit's window.
    """

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table, key_column, expires = (connection.ops.quote_name(name)
                                      for name in (self._table, "cache_key", "expires"))
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0, tzinfo=None))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {expires} = {expires} WHERE {key_column} = %s", [key])
            cursor.execute(f"SELECT value FROM {table} WHERE {key_column} = %s AND {expires} > %s",
                           [key, now])
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET value = %s WHERE {key_column} = %s", [pickled, key])
        return value
