"""Issue 10's reproductions: no request silently wipes answers, and no client takes the site down."""
import logging
import threading

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from wizard import ratelimit
from wizard.models import Draft, School

from .conftest import (
    FULL_ANSWERS,
    fill_wizard,
    incident_rows,
    post_step,
    step_url,
)

pytestmark = pytest.mark.django_db
PDF = reverse("wizard:pdf")
ABOUT = FULL_ANSWERS["over-het-gesprek"]


def _csrf_client():
    client = Client(enforce_csrf_checks=True)
    client.get(step_url("over-het-gesprek"))
    return client, client.cookies["csrftoken"].value


@pytest.mark.parametrize("content_type, body", [("application/json", '{"topic": ""}'), ("text/plain", "topic=")])
def test_a_body_that_is_not_a_form_changes_nothing(content_type, body):
    client, token = _csrf_client()
    post_step(client, "over-het-gesprek", {**ABOUT, "topic": "pesten", "csrfmiddlewaretoken": token})
    response = client.post(step_url("over-het-gesprek"), body, content_type=content_type, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 400
    assert Draft.objects.get().answers["about"]["topic"] == "pesten"


def test_a_form_post_without_the_steps_fields_changes_nothing(client):
    post_step(client, "over-het-gesprek", {**ABOUT, "topic": "pesten"})
    response = client.post(step_url("over-het-gesprek"), {"action": "volgende"})
    assert response.status_code == 200
    assert "Er kwam niets mee om op te slaan." in response.content.decode()
    assert Draft.objects.get().answers["about"]["topic"] == "pesten"
    assert 'value="pesten" checked' in response.content.decode()


STORED_ROWS = incident_rows({"what": "Tas in de sloot"}, {"what": "Uitgescholden"})


@pytest.mark.parametrize(
    "broken",
    [
        {"voorval-TOTAL_FORMS": "-1", "voorval-INITIAL_FORMS": "0"},
        {"voorval-TOTAL_FORMS": "abc", "voorval-INITIAL_FORMS": "0"},
        {},
    ],
    ids=["minus-one", "abc", "missing"],
)
def test_a_broken_incident_counter_keeps_the_stored_rows(client, broken):
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    post_step(client, "wat-is-er-gebeurd", STORED_ROWS)
    response = post_step(client, "wat-is-er-gebeurd", {**broken, "voorval-0-what": "", "other_signs": "Slaapt slecht"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "De lijst met gebeurtenissen kwam niet goed aan. We hebben uw eerdere gebeurtenissen bewaard." in page
    stored = Draft.objects.get().answers["incidents"]
    assert stored["voorval-0-what"] == "Tas in de sloot" and stored["voorval-1-what"] == "Uitgescholden"
    assert stored["other_signs"] == "Slaapt slecht"


@pytest.mark.django_db(transaction=True)
def test_two_tabs_saving_their_very_first_answer_at_once_end_up_in_one_draft():
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent writers need PostgreSQL (SQLite's shared test database locks whole tables); .ci/run runs this")
    first, _token = _csrf_client()
    second = Client()
    second.cookies = first.cookies  # two tabs of one browser share its cookies
    first.handler.enforce_csrf_checks = False
    start = threading.Barrier(2)
    errors = []

    def save(client, slug):
        try:
            start.wait(10)
            assert post_step(client, slug, FULL_ANSWERS[slug]).status_code == 302
        except Exception as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    for _round in range(5):
        Draft.objects.all().delete()
        tabs = [Client(), Client()]
        for tab in tabs:
            tab.cookies = first.cookies.__class__({"csrftoken": first.cookies["csrftoken"].value})
        threads = [
            threading.Thread(target=save, args=(tabs[0], "praat-met-uw-kind")),
            threading.Thread(target=save, args=(tabs[1], "wat-wilt-u-vertellen")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert errors == []
        draft = Draft.objects.get()
        assert {"child", "tell"} <= set(draft.answers)


def test_a_planted_session_cookie_reads_nothing_the_victim_types():
    attacker = Client()
    post_step(attacker, "over-het-gesprek", {"child_name": "Lokaas"})
    planted = attacker.cookies["sessionid"].value
    victim = Client()
    victim.cookies["sessionid"] = planted
    post_step(victim, "praat-met-uw-kind", {"likes": "Geheim van het slachtoffer"})
    assert "Geheim van het slachtoffer" in victim.get(reverse("wizard:check")).content.decode()
    assert victim.cookies["sessionid"].value != planted
    attacker.cookies["sessionid"] = planted
    response = attacker.get(reverse("wizard:check"), follow=True)
    assert "Geheim van het slachtoffer" not in response.content.decode()


def test_the_session_key_changes_on_every_save_and_the_old_one_stops_working(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    keys = [client.cookies["sessionid"].value]
    for slug in ["ga-naar-het-gesprek", "praat-met-uw-kind"]:
        post_step(client, slug, FULL_ANSWERS[slug])
        keys.append(client.cookies["sessionid"].value)
    assert len(set(keys)) == 3
    assert list(Session.objects.values_list("session_key", flat=True)) == [keys[-1]]
    assert "Emma" in client.get(step_url("over-het-gesprek")).content.decode()


def test_a_draft_larger_than_the_storage_cap_is_not_saved_and_handed_back(client, settings):
    settings.DRAFT_STORAGE_BYTES = 3000
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    response = post_step(client, "praat-met-uw-kind", {"likes": "lang " * 700})
    assert response.status_code == 413
    html = response.content.decode()
    assert "Uw antwoorden zijn samen te groot om te bewaren." in html and "lang lang" in html
    assert "child" not in Draft.objects.get().answers


def test_invalid_tick_box_values_and_overlong_texts_are_bounded_by_their_field(client):
    post_step(client, "wat-wilt-u-vragen", {"examples": ["sterke-punten", "x" * 50_000, "sterke-punten"], "own_questions": "Vraag?"})
    post_step(client, "praat-met-uw-kind", {"likes": "y" * 50_000})
    answers = Draft.objects.get().answers
    assert answers["questions"]["examples"] == ["sterke-punten"]
    assert len(answers["child"]["likes"]) == 4000  # twice the field's limit: enough to shorten
    assert len(answers["about"] if "about" in answers else "") == 0


def test_a_file_upload_is_refused_and_nothing_is_saved(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    upload = SimpleUploadedFile("groot.bin", b"x" * 10_000)
    response = client.post(step_url("praat-met-uw-kind"), {"stap": "child", "likes": "Gym", "bijlage": upload})
    assert response.status_code == 400
    assert "child" not in Draft.objects.get().answers


def test_a_body_larger_than_the_limit_is_refused_unread_with_one_log_line(client, settings, caplog):
    settings.MAX_REQUEST_BYTES = 1000
    with caplog.at_level(logging.WARNING):
        response = client.post(step_url("praat-met-uw-kind"), {"stap": "child", "likes": "x" * 5000})
    assert response.status_code == 413
    assert "Dit is te veel in één keer" in response.content.decode()
    assert Draft.objects.count() == 0
    assert [record.exc_info for record in caplog.records] == [None]


def test_a_refused_request_logs_one_line_not_a_traceback():
    from django.conf import settings as django_settings

    from pestgesprek.middleware import OneLineSecurityLogs

    assert django_settings.LOGGING["loggers"]["django.security"]["handlers"] == ["console_one_line"]
    record = logging.LogRecord("django.security.RequestDataTooBig", logging.ERROR, "", 0, "too big", (), (ValueError, ValueError("x"), None))
    assert OneLineSecurityLogs().filter(record) and record.exc_info is None


def test_a_school_link_writes_no_session_row(client, demo_school):
    for _ in range(3):
        assert Client().get(reverse("wizard:school", args=[demo_school.slug])).status_code == 200
    assert Session.objects.count() == 0 and Draft.objects.count() == 0
    response = client.get(reverse("wizard:school", args=[demo_school.slug]))
    assert "pestgesprek_school" in response.cookies
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    assert Draft.objects.get().school == demo_school


def test_new_drafts_per_address_are_throttled_and_the_text_is_handed_back(settings):
    settings.DRAFT_CREATE_LIMIT_PER_IP = 2
    for _ in range(2):
        assert post_step(Client(REMOTE_ADDR="192.0.2.20"), "over-het-gesprek", {"child_name": "Emma"}).status_code == 302
    refused = post_step(Client(REMOTE_ADDR="192.0.2.20"), "over-het-gesprek", {"child_name": "Derde"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    html = refused.content.decode()
    assert "Daarom hebben we dit nog niet bewaard." in html and 'value="Derde"' in html
    assert Draft.objects.count() == 2
    # A parent who already has a draft keeps saving; another address is not held back.
    assert post_step(Client(REMOTE_ADDR="192.0.2.21"), "over-het-gesprek", {"child_name": "Ander"}).status_code == 302


def test_a_made_up_forwarded_for_does_not_escape_the_ip_limit(settings, rf, caplog):
    assert settings.TRUSTED_PROXY_COUNT == 0  # the default, unless a proxy is configured
    settings.PDF_RATE_LIMIT = {"session": 100, "ip": 2}
    statuses = []
    for number in range(3):
        client = fill_wizard(Client(REMOTE_ADDR="192.0.2.30", HTTP_X_FORWARDED_FOR=f"10.9.9.{number}"), {"afspraken": FULL_ANSWERS["afspraken"]})
        statuses.append(client.get(PDF).status_code)
    assert statuses == [200, 200, 429]
    ratelimit._warned.clear()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="wizard.ratelimit"):
        ratelimit.client_address(rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6"))
        ratelimit.client_address(rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.7"))
    assert len([r for r in caplog.records if "TRUSTED_PROXY_COUNT" in r.getMessage()]) == 1


@pytest.mark.parametrize(
    "url",
    ["ftp://school.nl/klacht", "http://school.nl/klacht", "https://127.0.0.1/x", "https://169.254.169.254/latest",
     "https://10.0.0.5/", "https://localhost/x", "https://intranet/x", "https://server.internal/x", "https://[::1]/x"],
)
def test_school_links_must_be_https_to_a_public_host(demo_school, client, url):
    demo_school.complaints_url = url
    with pytest.raises(ValidationError):
        demo_school.full_clean()
    # A link stored before this rule is not followed either.
    School.objects.filter(pk=demo_school.pk).update(complaints_url=url)
    assert client.get("/s/voorbeeldschool/naar/klachtenregeling/").status_code == 404


def test_a_public_https_school_link_is_fine(demo_school):
    demo_school.complaints_url = "https://www.voorbeeldschool.nl/klachten"
    demo_school.full_clean()
