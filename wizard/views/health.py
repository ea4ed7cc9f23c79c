"""/gezond/ for the load balancer: 200 while the database answers, else 503.

Redis is shared by every app server and the site works without it (pestgesprek/cache.py
fails open), so a Redis outage must not make every server look sick at once: the answer
stays 200, its body says "gezond, zonder redis" for monitoring, and the outage is logged.
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
    if not _database():
        logger.error("Health check failed: the database does not answer.")
        return _text("niet gezond\n", status=503)
    if not _redis():
        logger.error("Health check: Redis does not answer; serving without the shared cache.")
        return _text("gezond, zonder redis\n")
    return _text("gezond\n")


def _text(body, status=200):
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


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
