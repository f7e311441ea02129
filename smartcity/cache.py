"""A Redis cache that degrades to misses when Redis does not answer.

Public pages only cache what they could compute again (page cache, navigation fragments, site
root paths, renditions), so with Redis stopped they must still render: reads answer the default,
writes are dropped, and a warning is logged once a minute. Rate limits must not degrade like
this (a limit that silently stops counting is no limit): they use the strict ``ratelimit``
alias on the same server, and ``smartcity.middleware.CacheOutageMiddleware`` answers a 503."""

import logging
import threading
import time
from collections import OrderedDict

from django.core.cache.backends import redis as django_redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_last_warning = 0.0


def _warn(error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 60:
        _last_warning = now
        logger.warning("Redis does not answer; serving without the cache (%s)", error)


class _ReusedClients(django_redis.RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every cache call, which costs redis-py 6 about
    150 µs (more than the round trip to Redis); a client per connection pool is thread-safe."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if (client := clients.get(id(pool))) is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    """Django's Redis cache, reusing its clients (the ``ratelimit`` alias: errors stay errors)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClients

    def validate_key(self, key):
        """Django warns here about keys memcached would refuse, one character at a time; Redis
        takes any key, and the check cost more than the round trip of a page cache hit."""


def _tolerant(name: str, fallback):
    method = getattr(RedisCache, name)

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            _warn(error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    wrapper.__name__ = name
    return wrapper


class _LocalCopies:
    """A small per-process memory of values whose key names their content version: such a key
    never comes to mean something else (a publish or a new comment makes new keys), so a copy
    is as good as Redis's answer until its timeout, and saves a round trip per fragment."""

    def __init__(self, size: int = 500, longest: int = 60):  # ≤ 500 × a discussion, ~20 MB
        self.size, self.longest = size, longest
        self.values: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            found = self.values.get(key)
            if found is None:
                return None
            if found[0] < time.monotonic():
                del self.values[key]
                return None
            self.values.move_to_end(key)
            return found[1]

    def put(self, key: str, value, timeout) -> None:
        seconds = self.longest if timeout is None else min(timeout, self.longest)
        with self.lock:
            self.values[key] = (time.monotonic() + seconds, value)
            self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)


class TolerantRedisCache(RedisCache):
    # Keys that carry their content version: template fragments (every ``{% cache %}`` in
    # the templates names ``content_version``) and the discussion kept for anonymous readers.
    VERSIONED_PREFIXES = ("template.cache.", "participation:discussion:")

    def __init__(self, server, params):
        super().__init__(server, params)
        self._local = _LocalCopies()

    def get(self, key, default=None, version=None):
        versioned = key.startswith(self.VERSIONED_PREFIXES)
        if versioned and (value := self._local.get(self.make_key(key, version))) is not None:
            return value
        value = self._shared_get(key, None, version)
        if value is None:
            return default
        if versioned:
            self._local.put(self.make_key(key, version), value, None)
        return value

    def set(self, key, value, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        self._shared_set(key, value, timeout, version)
        if key.startswith(self.VERSIONED_PREFIXES):
            seconds = self.get_backend_timeout(timeout)
            self._local.put(self.make_key(key, version), value, seconds)

    _shared_get = _tolerant("get", lambda key, default=None, version=None: default)
    _shared_set = _tolerant("set", None)
    get_many = _tolerant("get_many", {})
    has_key = _tolerant("has_key", False)
    add = _tolerant("add", False)
    set_many = _tolerant("set_many", lambda data, *a, **k: list(data))
    touch = _tolerant("touch", False)
    delete = _tolerant("delete", False)
    delete_many = _tolerant("delete_many", None)
