"""What one parent or one client can cost: PDF rate limits, the render time cap, input bounds."""
import time

import pytest
from django.test import Client
from django.urls import reverse

from wizard import pdf, ratelimit
from wizard.models import Draft

from .conftest import FULL_ANSWERS, fill_wizard, pdf_words, post_step, step_url

pytestmark = pytest.mark.django_db
PDF = reverse("wizard:pdf")


def test_pdf_is_limited_per_session_with_a_retry_after(filled_client, settings):
    settings.PDF_RATE_LIMIT = {"session": 2, "ip": 100}
    assert [filled_client.get(PDF).status_code for _ in range(3)] == [200, 200, 429]
    refused = filled_client.get(PDF)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= ratelimit.WINDOW_SECONDS
    # Another parent on another address is not held back by this one.
    other = fill_wizard(Client(REMOTE_ADDR="192.0.2.7"), {"afspraken": FULL_ANSWERS["afspraken"]})
    assert other.get(PDF).status_code == 200


def test_pdf_is_limited_per_ip_address_across_sessions(settings):
    settings.PDF_RATE_LIMIT = {"session": 100, "ip": 2}
    statuses = []
    for _ in range(3):
        client = fill_wizard(Client(REMOTE_ADDR="192.0.2.8"), {"afspraken": FULL_ANSWERS["afspraken"]})
        statuses.append(client.get(PDF).status_code)
    assert statuses == [200, 200, 429]


def test_the_limit_opens_again_in_the_next_minute(filled_client, settings, monkeypatch):
    settings.PDF_RATE_LIMIT = {"session": 1, "ip": 100}
    now = 1_800_000_000.0  # the start of a minute
    monkeypatch.setattr(ratelimit.time, "time", lambda: now + 15)
    assert filled_client.get(PDF).status_code == 200
    refused = filled_client.get(PDF)
    assert refused.status_code == 429 and refused["Retry-After"] == "45"
    monkeypatch.setattr(ratelimit.time, "time", lambda: now + 61)
    assert filled_client.get(PDF).status_code == 200


def test_behind_the_proxy_the_forwarded_address_counts(settings, rf):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.9")
    assert ratelimit.client_address(request) == "192.0.2.9"
    settings.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert ratelimit.client_address(rf.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"


def _slow_render(html):
    """A render that never finishes by itself (until a safety stop, so a broken cap fails rather than hangs)."""
    give_up = time.monotonic() + 30
    while time.monotonic() < give_up:
        pass
    return b"%PDF-never", "never.pdf"


def test_a_render_that_takes_too_long_is_stopped_with_a_friendly_page(filled_client, settings, monkeypatch):
    settings.PDF_RENDER_SECONDS = 0.2
    monkeypatch.setattr(pdf, "html_to_pdf", _slow_render)
    response = filled_client.get(PDF)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Het maken van uw overzicht duurde te lang." in html
    assert reverse("wizard:check") in html


# An alarm that lands in a finalizer is reported by Python and dropped; the next one stops the render.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_stopped_real_render_leaves_a_renderer_that_works(filled_client, settings):
    # A cap no render can meet stops WeasyPrint itself, somewhere inside.
    settings.PDF_RENDER_SECONDS = 0.001
    assert filled_client.get(PDF).status_code == 503
    settings.PDF_RENDER_SECONDS = 60
    response = filled_client.get(PDF)
    assert response.status_code == 200
    assert "Mijn gesprek met school over Emma" in pdf_words(response.content)


def test_the_alarm_is_switched_off_after_a_render(filled_client, monkeypatch):
    import signal

    before = signal.getsignal(signal.SIGALRM)
    assert filled_client.get(PDF).status_code == 200
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_a_long_text_may_have_at_most_forty_lines(client):
    forty = "\n".join(f"regel {n}" for n in range(40))
    assert post_step(client, "praat-met-uw-kind", {"likes": forty}).status_code == 302
    response = post_step(client, "praat-met-uw-kind", {"likes": forty + "\nnog een"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uw tekst heeft te veel regels. Gebruik hoogstens 40 regels. Nu zijn het er 41." in html
    assert "nog een" in html


def test_a_nul_character_is_dropped_before_it_is_stored(client):
    # PostgreSQL refuses NUL in JSON; a parent never means to type one.
    post_step(client, "praat-met-uw-kind", {"likes": "Gym\x00 en tekenen"})
    assert Draft.objects.get().answers["child"]["likes"] == "Gym en tekenen"
    assert client.get(step_url("praat-met-uw-kind")).status_code == 200
