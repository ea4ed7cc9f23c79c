"""Every kind of page a parent (or school staff) can see, for checks that must hold on all of them.

To check a new page (a privacy page, a school's page), add one ``PageType`` to PAGES.
"""
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.urls import reverse

from wizard import invites
from wizard.models import School
from wizard.steps import AFTER, PREPARE, STEPS, steps_in

from ..conftest import step_url


# What the parent does to reach a page: by the fields' names and the buttons' values, so that
# the same steps work in every language.
def _next(page):
    page.locator("button.button[name=action][value=volgende]").click()


def _submit_too_long_text(page):
    page.locator("[name=likes]").fill("x" * 2001)
    _next(page)
    page.locator("[data-error-summary]").wait_for()


def _confirm_forget(page):
    page.locator("main form button.button--warning").click()
    page.locator("main a[href$='/']").first.wait_for()


def _make_a_code(page):
    page.locator("button[name=action][value=maak]").click()
    page.locator("#bewaarcode").wait_for()


def _type_a_wrong_code(page):
    page.locator("[name=code]").fill("AAAA-AAAA-AAAA")
    page.locator("main form button.button").click()
    page.locator("[data-error-summary]").wait_for()


def _post_without_csrf_cookie(page):
    page.context.clear_cookies()
    with page.expect_response(lambda response: response.status == 403):
        _next(page)
    page.wait_for_load_state()


def _staff_invitation(used=False):
    """The address of a new invitation to a staff account (made when the page is opened)."""

    def make():
        school = School.objects.create(name="Basisschool De Linde", slug="de-linde")
        invite, token = invites.make_invite("nieuwe.juf@de-linde.invalid", school, None)
        if used:
            invite.used_at = invite.created_at
            invite.save()
        return reverse("wizard:staff_invite", args=[token])

    return make


def _submit_short_password(page):
    page.get_by_label("Kies een wachtwoord").fill("kort")
    page.get_by_label("Typ het wachtwoord nog een keer").fill("kort")
    page.get_by_role("button", name="Maak mijn account").click()
    page.locator("[data-error-summary]").wait_for()


@dataclass(frozen=True)
class PageType:
    name: str
    # The address, or a function that returns it once the live server's database is ready.
    path: str | Callable
    # True: the browser has a draft with every step answered (tests/conftest.py FULL_ANSWERS).
    filled: bool = False
    # True: the draft is on the bullying track, with incidents, and came in through the demo school.
    bullying: bool = False
    # True: a school staff member is logged in (the share page).
    staff: bool = False
    # True: the after phase is filled in too, with agreements not kept (tests/conftest.py fill_after).
    after: bool = False
    # What the parent does on ``path`` to reach the page to check.
    then: Callable | None = None
    status: int = 200
    # Settings the live server runs with for this page, as (name, value) pairs.
    settings: tuple = ()
    language: str = "nl"

    def address(self):
        path = self.path() if callable(self.path) else self.path
        return path if self.language == "nl" else f"/{self.language}{path}"


def in_language(page_type, language):
    return replace(page_type, name=f"{page_type.name}-{language}", language=language)


DUTCH_PAGES = [
    PageType("start", "/"),
    PageType("start-met-antwoorden", "/", filled=True),
    PageType("eerste-stap-leeg", step_url(STEPS[0].slug)),
    # On the bullying track every step applies.
    *[PageType(f"stap-{step.slug}", step_url(step.slug), bullying=True) for step in steps_in(PREPARE)],
    PageType("stap-met-fouten", step_url("praat-met-uw-kind"), filled=True, then=_submit_too_long_text),
    # The check page is also where the PDF is downloaded.
    PageType("controleren-en-downloaden", "/controleren/", filled=True),
    PageType("wis-mijn-gegevens", "/wissen/", filled=True),
    PageType("opnieuw-beginnen", "/opnieuw/", filled=True),
    PageType("gebeurtenis-wissen-bevestigen", step_url("wat-is-er-gebeurd") + "?wissen=0", bullying=True),
    PageType("gegevens-gewist", "/wissen/", filled=True, then=_confirm_forget),
    PageType("controleren-pesten", "/controleren/", bullying=True),
    PageType("als-het-niet-goed-loopt", "/als-het-niet-goed-loopt/", bullying=True),
    PageType("privacy", "/privacy/"),
    PageType("na-het-gesprek-leeg", "/na-het-gesprek/"),
    PageType("na-het-gesprek", "/na-het-gesprek/", bullying=True, after=True),
    *[PageType(f"stap-{step.slug}", step_url(step.slug), bullying=True, after=True) for step in steps_in(AFTER)],
    PageType("afspraken-als-tekst", "/na-het-gesprek/afsprakenblad/", bullying=True, after=True),
    PageType("wat-kunt-u-nu-doen", "/na-het-gesprek/wat-nu/", bullying=True, after=True),
    PageType("brief", "/na-het-gesprek/brief/vertrouwenspersoon/", bullying=True, after=True),
    PageType("bewaarcode-uitleg", "/bewaarcode/", filled=True),
    PageType("bewaarcode-gemaakt", "/bewaarcode/", filled=True, then=_make_a_code),
    PageType("verder-met-een-code", "/verder/"),
    PageType("verder-met-een-code-fout", "/verder/", filled=True, then=_type_a_wrong_code),
    PageType("school", "/s/voorbeeldschool/", bullying=True),
    PageType("school-link-delen", "/s/voorbeeldschool/delen/", staff=True),
    PageType("beheer-uitnodiging", _staff_invitation()),
    PageType("beheer-uitnodiging-met-fouten", _staff_invitation(), then=_submit_short_password),
    PageType("beheer-link-al-gebruikt", _staff_invitation(used=True), status=410),
    PageType("beheer-wachtwoord-vergeten", "/beheer-wachtwoord-vergeten/"),
    PageType("404", "/bestaat-niet/", status=404),
    PageType("429-even-wachten", "/voorbereiding.pdf", filled=True, status=429, settings=(("PDF_RATE_LIMIT", {"session": 0, "ip": 0}),)),
    PageType("500", "/test/500/", status=500, settings=(("ROOT_URLCONF", "tests.urls"),)),
    PageType("403-verlopen", step_url(STEPS[0].slug), then=_post_without_csrf_cookie),
]
# The parents' pages again in English, and in Arabic (right to left). Staff pages stay Dutch,
# and the 500 page is reached through a test URL outside the language prefixes.
PAGES = [
    *DUTCH_PAGES,
    *[
        in_language(page_type, language)
        for language in ("en", "ar")
        for page_type in DUTCH_PAGES
        if not page_type.staff and not callable(page_type.path) and page_type.name != "500"
    ],
]
