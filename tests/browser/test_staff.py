"""School staff in a real browser on a phone-sized screen: copying the school's link, making an account."""
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from wizard import invites
from wizard.models import School

from ..conftest import logged_in_staff
from .conftest import browser_cookies
from .keyboard import press, type_text

pytestmark = pytest.mark.browser
SHARE = "/s/voorbeeldschool/delen/"


@pytest.fixture
def staff_cookies(live_server, demo_school):
    client, _staff = logged_in_staff(demo_school, "juf@voorbeeldschool.invalid")
    return browser_cookies(client, live_server)


def test_the_copy_buttons_copy_the_link_and_the_schoolgids_text(new_context, live_server, staff_cookies):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    context.add_cookies(staff_cookies)
    page = context.new_page()
    page.goto(SHARE)

    press(page, page.get_by_role("button", name="Kopieer de link"))
    expect(page.locator("#school-link-status")).to_have_text("Gekopieerd")
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}/s/voorbeeldschool/"

    press(page, page.get_by_role("button", name="Kopieer de tekst"))
    expect(page.locator("#schoolgids-text-status")).to_have_text("Gekopieerd")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Een goed gesprek met school\n")
    assert copied.endswith(f"Ga naar: {live_server.url}/s/voorbeeldschool/")


def test_without_javascript_there_are_no_copy_buttons_but_the_link_is_there(new_context, staff_cookies):
    context = new_context(java_script_enabled=False)
    context.add_cookies(staff_cookies)
    page = context.new_page()
    page.goto(SHARE)
    expect(page.get_by_role("button", name=re.compile("Kopieer"))).to_have_count(0)
    expect(page.locator("#school-link")).to_have_text(re.compile(r"/s/voorbeeldschool/$"))


def test_a_new_staff_member_makes_an_account_with_the_keyboard_and_lands_on_their_school(page, db):
    school = School.objects.create(name="Basisschool De Linde", slug="de-linde")
    _invite, token = invites.make_invite("nieuwe.juf@de-linde.invalid", school, None)
    page.goto(reverse("wizard:staff_invite", args=[token]))
    type_text(page, page.get_by_label("Kies een wachtwoord"), "een-lang-wachtwoord-9")
    type_text(page, page.get_by_label("Typ het wachtwoord nog een keer"), "een-lang-wachtwoord-9")
    press(page, page.get_by_role("button", name="Maak mijn account"))
    expect(page).to_have_url(re.compile(re.escape(reverse("admin:wizard_school_change", args=[school.pk])) + "$"))
    expect(page.locator("body")).to_contain_text("Uw account is klaar")
    expect(page.locator("body")).to_contain_text("Basisschool De Linde")
