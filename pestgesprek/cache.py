"""Django's Redis cache, failing open: when Redis does not answer, the site carries on without it.

Every user of the cache (rate limits, the bewaarcode's guess throttle, the new-draft
throttle, render locks and the PDF cache) treats a missing answer as "nothing cached, no
count": a page or a PDF never fails because the cache failed, and a limit is open while
Redis is away. The failure is logged once a minute, without keys or values.
"""
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
LOG_EVERY_SECONDS = 60


class FailOpenRedisCache(RedisCache):
    _last_logged = 0.0

    def _failed(self, operation, error):
        now = time.monotonic()
        if now - FailOpenRedisCache._last_logged >= LOG_EVERY_SECONDS:
            FailOpenRedisCache._last_logged = now
            logger.error("Redis cache unavailable (%s during %s); carrying on without it.", type(error).__name__, operation)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            self._failed("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            self._failed("get_many", error)
            return {}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except RedisError as error:
            self._failed("set", error)
            return None

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True: whoever asks for a lock gets it, so nothing waits for a cache that is away.
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            self._failed("add", error)
            return True

    def incr(self, key, delta=1, version=None):
        # 0: a count that cannot be kept is no count, so a limit is open while Redis is away.
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            self._failed("incr", error)
            return 0

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            self._failed("delete", error)
            return False

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            self._failed("clear", error)
            return False
