"""Parents for the gunicorn benchmarks: a saved draft behind a session cookie, and a plain HTTP GET.

The bench process and gunicorn share one database (bench/environment.py), so a draft saved
here is the draft a worker reads when a request comes with its session cookie.
"""
import http.client
import time

from .server import PORT


def saved_answers(client):
    """The answers exactly as the app stored them for ``client``'s draft (a Django test client)."""
    from wizard.drafts import SESSION_KEY
    from wizard.models import Draft

    return Draft.objects.get(pk=client.session[SESSION_KEY]).answers


def typical_answers():
    """FULL_ANSWERS, saved through the test client as a parent would: the usual draft."""
    from django.test import Client

    from tests.conftest import fill_wizard

    return saved_answers(fill_wizard(Client()))


def largest_answers():
    """The largest valid draft (tests/largest.py), as stored."""
    from .documents import largest_client

    return saved_answers(largest_client())


def session_with(answers):
    """A new draft holding ``answers`` and a session pointing at it; returns the session cookie's value."""
    import datetime

    from django.utils import timezone

    from wizard.drafts import SESSION_KEY
    from wizard.models import Draft
    from wizard.sessions import SessionStore

    draft = Draft.objects.create(answers=answers, expires_at=timezone.now() + datetime.timedelta(days=1))
    session = SessionStore()
    session[SESSION_KEY] = str(draft.pk)
    session.create()
    return session.session_key


def get(path, session=None, timeout=60):
    """(status, headers, seconds on the clock) of one GET to the bench's gunicorn, on a new connection."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    start = time.perf_counter()
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders()), time.perf_counter() - start
    finally:
        connection.close()
