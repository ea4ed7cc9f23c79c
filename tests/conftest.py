"""Shared helpers: walk the wizard as a parent would, and read PDFs back as text."""
import io
import os
import re

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from pypdf import PdfReader

from wizard import steps
from wizard.pdf import PlanTooSlow

from .answers import FULL_ANSWERS

# Property-based tests: moderate by default so `make test` stays quick; HYPOTHESIS_PROFILE=thorough
# for a long hunt. Each test posts through Django's test client, so the database fixture is
# shared by all examples of one test, which is fine: every example uses a fresh client.
hypothesis_settings.register_profile(
    "pestgesprek",
    max_examples=30,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.register_profile("thorough", parent=hypothesis_settings.get_profile("pestgesprek"), max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "pestgesprek"))



def step_url(slug):
    return reverse("wizard:step", args=[slug])


def post_step(client, slug, data, action="volgende", **extra):
    """POST one step as its page does: with the step's own key along (see views.wizard.STEP_FIELD)."""
    return client.post(step_url(slug), {"stap": steps.get_step(slug).key, **data, "action": action, **extra})


def fill_wizard(client, answers=FULL_ANSWERS):
    for slug, data in answers.items():
        response = post_step(client, slug, data)
        assert response.status_code == 302, (slug, response.content[:2000])
    return client


def pdf_text(body):
    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_words(body):
    """The PDF's text with every run of white space as one space, for phrases that may wrap."""
    return " ".join(pdf_text(body).split())


def visible_text(html):
    """The words a reader sees on a page: scripts, styles and text boxes dropped, tags removed,
    white space folded. (A text box holds what the parent typed, or a Dutch letter on purpose.)"""
    html = re.sub(r"<(script|style|textarea)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def agreement_rows(*rows):
    """POST data for the agreements of the after phase: one dict of fields per row."""
    data = {"afspraak-TOTAL_FORMS": str(len(rows)), "afspraak-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        data.update({f"afspraak-{number}-{name}": value for name, value in row.items()})
    return data


def fill_after(client, kept="nee"):
    """The after phase for a filled-in draft (FULL_ANSWERS, the gesprek on 3 December 2026)."""
    def asked(slug):
        fields = client.get(step_url(slug)).context["form"].fields
        return [name for name in fields if name.startswith("q") and not name.endswith("_note")]

    went = {"present": "juf Sanne en ik", "enough_time": "nee", **{key: "deels" for key in asked("hoe-ging-het")}}
    rows = agreement_rows({"who": "juf Sanne", "what": "let op in de pauze", "when": "2026-12-10"}, {"who": "ik", "what": "bel de juf", "when": "2026-12-14"})
    follow_up = {"date": "2026-12-17", "time": "16:00", "way": "afspraak", "with_whom": "juf Sanne", "email": "sanne@school.example"}
    for slug, data in [("hoe-ging-het", went), ("wat-is-afgesproken", {**rows, "goal": "Emma speelt mee"}), ("hoe-gaat-het-verder", follow_up)]:
        assert post_step(client, slug, data).status_code == 302, slug
    post_step(client, "zijn-de-afspraken-nagekomen", {key: kept for key in asked("zijn-de-afspraken-nagekomen")})
    return client


@pytest.fixture
def filled_client(client, db):
    return fill_wizard(client)


@pytest.fixture
def support_contacts(db):
    from django.core.management import call_command

    call_command("loaddata", "fixtures/support_contacts.json", verbosity=0)


@pytest.fixture
def demo_school(db, support_contacts):
    from django.core.management import call_command

    from wizard.models import School

    call_command("loaddata", "fixtures/demo_school.json", verbosity=0)
    return School.objects.get(slug="voorbeeldschool")


def logged_in_staff(school, username):
    """A test client logged in as a new staff member of ``school``, and that member."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, is_staff=True)
    school.staff.add(user)
    client = Client()
    client.force_login(user)
    return client, user


def incident_rows(*rows):
    """POST data for the incident log: one dict of fields per row."""
    data = {"voorval-TOTAL_FORMS": str(len(rows)), "voorval-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        data.update({f"voorval-{number}-{name}": value for name, value in row.items()})
    return data


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counts and PDFs live in the caches; each test starts with none."""
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


def _raise(error):
    def raiser(*args, **kwargs):
        raise error

    return raiser


@pytest.fixture
def every_page(filled_client, demo_school, settings, monkeypatch):
    """{page type: response} for every kind of page the site serves, errors included."""
    settings.ROOT_URLCONF = "tests.urls"
    return collect_pages(filled_client, demo_school, monkeypatch)


def collect_pages(client, demo_school, monkeypatch, language="nl"):
    """Every kind of page in one language, as a parent (and a school's staff) would reach it.

    ``client`` has a filled-in draft. URLs are made in ``language``: /en/..., /ar/...
    """
    with translation.override(language):
        return _collect_pages(client, demo_school, monkeypatch)


def _collect_pages(client, demo_school, monkeypatch):
    # On the bullying track every step applies; after the gesprek, agreements were not kept.
    post_step(client, "over-het-gesprek", {**FULL_ANSWERS["over-het-gesprek"], "topic": "pesten"})
    fill_after(client)
    pdf = reverse("wizard:pdf")
    pages = {"start": client.get(reverse("wizard:start"))}
    for step in steps.STEPS:
        pages[f"step {step.slug}"] = client.get(step_url(step.slug))
        assert pages[f"step {step.slug}"].status_code == 200, step.slug
    pages["roadmap"] = client.get(reverse("wizard:roadmap"))
    pages["after"] = client.get(reverse("wizard:after"))
    pages["agreements text"] = client.get(reverse("wizard:agreements_text"))
    pages["next step"] = client.get(reverse("wizard:next_step"))
    pages["letter"] = client.get(reverse("wizard:letter", args=["vertrouwenspersoon"]))
    pages["agreements pdf"] = client.get(reverse("wizard:agreements_pdf"))
    pages["calendar"] = client.get(reverse("wizard:calendar"))
    pages["share"] = client.get(reverse("wizard:share"))
    pages["code"] = client.post(reverse("wizard:share"), {"action": "maak"})
    pages["continue"] = Client().get(reverse("wizard:continue"))
    pages["continue with errors"] = Client().post(reverse("wizard:continue"), {"code": "AAAA-AAAA-AAAA"})
    pages["start over"] = client.get(reverse("wizard:start_over"))
    pages["school"] = client.get(reverse("wizard:school", args=[demo_school.slug]))
    staff, staff_user = logged_in_staff(demo_school, f"staff-pages-{translation.get_language()}")
    pages["school share"] = staff.get(reverse("wizard:school_share", args=[demo_school.slug]))
    pages["school qr"] = staff.get(reverse("wizard:school_qr_png", args=[demo_school.slug]))
    pages.update(staff_link_pages(demo_school, staff_user))
    pages["step with errors"] = post_step(client, "praat-met-uw-kind", {"likes": "x" * 2001})
    pages["check"] = client.get(reverse("wizard:check"))
    pages["pdf"] = client.get(pdf)
    pages["privacy"] = client.get(reverse("wizard:privacy"))
    pages["forget"] = client.get(reverse("wizard:forget"))
    pages["403 csrf"] = Client(enforce_csrf_checks=True).post(step_url(steps.first_step().slug), {})
    pages["404"] = client.get(reverse("wizard:start") + "bestaat-niet/")
    with override_settings(PDF_RATE_LIMIT={"session": 0, "ip": 0}):
        pages["429"] = client.get(pdf)
    with monkeypatch.context() as patch:
        patch.setattr("wizard.documents.render_document", _raise(PlanTooSlow()))
        pages["503 pdf too slow"] = client.get(pdf)
        patch.setattr("wizard.drafts.save_step", _raise(DatabaseError("database is down")))
        pages["503 save failed"] = post_step(client, "afspraken", {"hope": "Rust"})
    pages["forgotten"] = client.post(reverse("wizard:forget"), {"bevestigd": "ja"})
    # Last: these addresses have no language prefix, so each request makes Dutch the active
    # language of this thread, and every address made after it would be Dutch.
    pages["400"] = client.get("/test/400/")
    pages["400 unknown host"] = client.get("/", HTTP_HOST="elders.example")
    pages["403"] = client.get("/test/403/")
    crashing = Client(raise_request_exception=False)
    crashing.cookies = client.cookies
    pages["500"] = crashing.get("/test/500/")
    return pages


def staff_link_pages(school, staff_user):
    """{page type: response} for the pages staff reach without logging in: their links, and help."""
    from wizard import invites

    _invite, token = invites.make_invite("nieuw@voorbeeldschool.invalid", school, None)
    invitation = reverse("wizard:staff_invite", args=[token])
    used, used_token = invites.make_reset(staff_user, None)
    used.used_at = used.created_at
    used.save()
    return {
        "staff invite": Client().get(invitation),
        "staff invite with errors": Client().post(invitation, {"new_password1": "kort", "new_password2": "anders"}),
        "staff reset": Client().get(reverse("wizard:staff_reset", args=[invites.make_reset(staff_user, None)[1]])),
        "staff link used": Client().get(reverse("wizard:staff_reset", args=[used_token])),
        "staff password forgotten": Client().get(reverse("wizard:password_forgotten")),
    }


def html_pages(pages):
    return {name: r for name, r in pages.items() if r["Content-Type"].startswith("text/html")}
