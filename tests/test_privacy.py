"""Retention: the purge, expired drafts met by their old cookie, and the privacy page."""
import datetime
import io

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wizard.models import Draft

from .conftest import html_pages, post_step, step_url

pytestmark = pytest.mark.django_db
GONE = "Uw vorige antwoorden zijn gewist, omdat ze langer dan 30 dagen niet zijn gebruikt."
# Once purged, the draft cannot say whether it expired or was wiped on another device.
PURGED = "Uw vorige antwoorden zijn gewist. Misschien werden ze lang niet gebruikt"


def _past(days=1):
    return timezone.now() - datetime.timedelta(days=days)


def test_purge_drafts_deletes_expired_drafts_and_sessions_and_says_how_many(client):
    post_step(client, "over-het-gesprek", {"child_name": "Blijft"})
    Draft.objects.create(answers={"about": {"child_name": "Weg"}}, expires_at=_past())
    Draft.objects.create(answers={}, expires_at=_past(2))
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=_past())
    out = io.StringIO()
    call_command("purge_drafts", stdout=out)
    assert out.getvalue().strip() == "2 concepten gewist, 1 sessie gewist."
    assert list(Draft.objects.values_list("answers__about__child_name", flat=True)) == ["Blijft"]
    assert Session.objects.count() == 1
    out = io.StringIO()
    call_command("purge_drafts", stdout=out)
    assert out.getvalue().strip() == "0 concepten gewist, 0 sessies gewist."


def test_the_session_outlives_the_draft_so_the_parent_can_be_told(client, settings):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    draft_days = (Draft.objects.get().expires_at - timezone.now()).days
    session_days = round(client.session.get_expiry_age() / (24 * 60 * 60))
    assert draft_days == settings.DRAFT_RETENTION_DAYS - 1  # 29 days and some hours
    assert session_days == settings.DRAFT_RETENTION_DAYS + settings.DRAFT_EXPIRED_NOTICE_DAYS


@pytest.mark.parametrize("how", ["expired", "purged"])
def test_an_expired_draft_opened_with_its_old_cookie_is_gone_with_a_clear_message(client, how):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    Draft.objects.update(expires_at=_past())
    if how == "purged":
        call_command("purge_drafts", stdout=io.StringIO())
        assert Draft.objects.count() == 0
    message = PURGED if how == "purged" else GONE
    html = client.get(step_url("over-het-gesprek")).content.decode()
    assert message in html
    assert "Emma" not in html
    assert Draft.objects.count() == 0
    # Said once; after that it is simply a fresh start.
    assert message not in client.get(step_url("over-het-gesprek")).content.decode()


def test_an_expired_draft_cannot_reach_the_check_page_or_the_pdf(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    Draft.objects.update(expires_at=_past())
    response = client.get(reverse("wizard:pdf"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wizard:start")
    assert GONE in response.content.decode()


def test_the_privacy_page_says_what_where_how_long_and_who(client, settings):
    settings.DRAFT_RETENTION_DAYS = 14
    html = client.get(reverse("wizard:privacy")).content.decode()
    for expected in [
        "We bewaren alleen de antwoorden die u hier typt of aanklikt.",
        "Uw antwoorden staan op onze server.",
        "We bewaren ze 14 dagen na de laatste keer dat u iets opslaat.",
        "De school kan uw antwoorden niet zien.",
        "geen trackers",
        "In onze logbestanden staan nooit uw antwoorden.",
    ]:
        assert expected in html, expected
    assert f'href="{reverse("wizard:forget")}"' in html


def test_every_page_links_to_the_privacy_page_in_its_footer(every_page):
    for name, response in html_pages(every_page).items():
        footer = response.content.decode().split('<footer class="site-footer">')[1]
        assert f'href="{reverse("wizard:privacy")}"' in footer, name
