"""/gezond/ for the load balancer: 200 when the database (and Redis, when used) answer, else 503.

It says nothing more to the outside world, and sets no cookie: it never touches the session.
"""
import logging

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def health(request):
    problems = [name for name, check in (("database", _database), ("redis", _redis)) if not check()]
    if problems:
        logger.error("Health check failed: %s.", ", ".join(problems))
        return HttpResponse("niet gezond\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("gezond\n", content_type="text/plain; charset=utf-8")


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _redis():
    if not settings.REDIS_URL:
        return True
    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)
        return bool(client.ping())
    except redis.exceptions.RedisError:
        return False
