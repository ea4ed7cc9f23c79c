"""Fixtures for tests in a real headless Chromium against pytest-django's live server."""
import os
import shutil

import pytest
from django.core.management import call_command
from django.test import Client

from wizard.models import School

from ..conftest import (
    fill_after,
    fill_wizard,
    incident_rows,
    logged_in_staff,
    post_step,
)
from . import chromium

# The live server runs Django in a thread while Playwright's sync API runs an event loop in
# this one; Django would otherwise refuse ORM calls made from "async" test code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 375, "height": 667}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(chromium.EXECUTABLE):
        pytest.fail(f"Chromium is missing at {chromium.EXECUTABLE}; `make test` installs it with apt-get.")
    return {**browser_type_launch_args, "executable_path": chromium.EXECUTABLE, "args": chromium.ARGS}


@pytest.fixture
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url, "viewport": PHONE, "locale": "nl-NL"}


def browser_cookies(client, live_server):
    """The cookies of a Django test client, for a browser on the live server."""
    return [{"name": name, "value": morsel.value, "url": live_server.url} for name, morsel in client.cookies.items()]


@pytest.fixture
def open_page(page, live_server, settings):
    """Open one of pages.PAGES in the phone-sized browser, as a parent would reach it."""

    def open_(page_type):
        for name, value in page_type.settings:
            setattr(settings, name, value)  # the live server runs in this process: it sees them
        client = None
        if page_type.bullying or page_type.staff:
            for fixture in ("fixtures/support_contacts.json", "fixtures/demo_school.json"):
                call_command("loaddata", fixture, verbosity=0)
        if page_type.filled or page_type.bullying:
            client = Client()
            if page_type.bullying:
                client.get("/s/voorbeeldschool/")
            fill_wizard(client)
        if page_type.bullying:
            post_step(client, "over-het-gesprek", {"topic": "pesten", "partner_role": "leerkracht"})
            post_step(
                client,
                "wat-is-er-gebeurd",
                {
                    **incident_rows(
                        {"date": "2026-11-02", "what": "Uitgescholden", "physical": "nee"},
                        {"date": "2026-11-09", "what": "Geduwd", "physical": "ja"},
                    ),
                    "signs": ["slaapt-slecht", "blijft-thuis"],
                },
            )
        if page_type.after:
            fill_after(client)
        if page_type.staff:
            client, _staff = logged_in_staff(School.objects.get(slug="voorbeeldschool"), "staff-axe")
        if client is not None:
            page.context.add_cookies(browser_cookies(client, live_server))
        response = page.goto(page_type.address())
        if page_type.then:
            page_type.then(page)
        else:
            assert response.status == page_type.status
        return page

    return open_
