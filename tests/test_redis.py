"""Redis as the shared cache: atomic counts, the PDF cache, and pages that keep working when Redis stops."""
import logging
import threading

import pytest
import redis
from django.test import Client, RequestFactory
from django.urls import reverse

from pestgesprek.cache import FailOpenRedisCache
from wizard import ratelimit

from .conftest import FULL_ANSWERS, fill_wizard, post_step, step_url
from .redis_server import RedisServer, redis_caches

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def log_every_failure():
    """The cache logs a failure once a minute; each test starts as if none was logged yet."""
    FailOpenRedisCache._last_logged = -float("inf")


@pytest.fixture
def redis_server(settings):
    server = RedisServer().start()
    settings.CACHES = redis_caches(server.url)
    settings.REDIS_URL = server.url
    yield server
    server.remove()


def test_parallel_counts_in_redis_lose_nothing(redis_server):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.70")
    request.session = type("Session", (), {"session_key": None})()
    threads, per_thread, start = 8, 250, threading.Barrier(8)

    def count():
        start.wait(10)
        for _ in range(per_thread):
            ratelimit.count(request, "test", "ip", 3600, add=1)

    workers = [threading.Thread(target=count) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert ratelimit.count(request, "test", "ip", 3600) == threads * per_thread
    # The counter has a time limit in Redis, longer than its window.
    client = redis.Redis.from_url(redis_server.url)
    ttl = [client.ttl(key) for key in client.keys("t:*ratelimit:test*")]
    assert ttl and all(3600 < seconds <= 3600 + ratelimit.KEY_MARGIN_SECONDS for seconds in ttl)


def test_the_pdf_cache_and_the_limits_live_in_redis(redis_server, settings):
    settings.PDF_RATE_LIMIT = {"session": 2, "ip": 100}
    client = fill_wizard(Client())
    first, second = client.get(reverse("wizard:pdf")), client.get(reverse("wizard:pdf"))
    assert (first["X-Pestgesprek-Cache"], second["X-Pestgesprek-Cache"]) == ("miss", "hit")
    assert client.get(reverse("wizard:pdf")).status_code == 429
    keys = redis.Redis.from_url(redis_server.url).keys("*")
    assert any(b"documents:" in key for key in keys) and any(b"ratelimit:pdf" in key for key in keys)


def test_when_redis_stops_mid_run_pages_pdfs_and_saves_keep_working(redis_server, caplog):
    client = fill_wizard(Client())
    assert client.get(step_url("praat-met-uw-kind")).status_code == 200
    redis_server.stop()
    with caplog.at_level(logging.ERROR, logger="pestgesprek.cache"):
        assert client.get(step_url("praat-met-uw-kind")).status_code == 200
        assert post_step(client, "praat-met-uw-kind", {"likes": "Nog steeds bewaard"}).status_code == 302
        response = client.get(reverse("wizard:pdf"))
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        assert "Nog steeds bewaard" in client.get(reverse("wizard:check")).content.decode()
    messages = [record.getMessage() for record in caplog.records if record.name == "pestgesprek.cache"]
    assert messages and all("Redis cache unavailable" in message for message in messages)
    assert not any("Nog steeds" in message or "Emma" in message for message in messages)


def test_health_stays_200_without_redis_and_says_so_for_monitoring(redis_server, caplog):
    # Every server shares the one Redis: a 503 here would take all of them out of the load
    # balancer at once, while the site works without it.
    response = Client().get("/gezond/")
    assert response.status_code == 200 and response.content == b"gezond\n"
    assert not response.cookies
    redis_server.stop()
    with caplog.at_level(logging.ERROR, logger="wizard.views.health"):
        response = Client().get("/gezond/")
    assert response.status_code == 200 and response.content == b"gezond, zonder redis\n"
    assert not response.cookies
    assert any("Redis does not answer" in record.getMessage() for record in caplog.records)


def test_health_is_503_when_the_database_does_not_answer(monkeypatch):
    from django.db import DatabaseError, connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("database is gone")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = Client().get("/gezond/")
    assert response.status_code == 503 and response.content == b"niet gezond\n"


def test_a_redis_url_that_points_nowhere_logs_clearly_and_pages_still_work(settings, caplog):
    settings.CACHES = redis_caches("redis://127.0.0.1:1/0")
    with caplog.at_level(logging.ERROR, logger="pestgesprek.cache"):
        client = Client()
        assert client.get("/").status_code == 200
        assert post_step(client, "over-het-gesprek", FULL_ANSWERS["over-het-gesprek"]).status_code == 302
    assert any("Redis cache unavailable (ConnectionError" in record.getMessage() for record in caplog.records)


def test_health_without_redis_configured_checks_only_the_database(settings):
    settings.REDIS_URL = ""
    response = Client().get("/gezond/")
    assert response.status_code == 200 and not response.cookies
    assert "Set-Cookie" not in response
