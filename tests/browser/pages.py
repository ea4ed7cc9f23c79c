"""Every kind of page a parent (or school staff) can see, for checks that must hold on all of them.

To check a new page (a privacy page, a school's page), add one ``PageType`` to PAGES.
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from wizard import invites
from wizard.models import School
from wizard.steps import AFTER, PREPARE, STEPS, steps_in

from ..conftest import step_url


def _submit_too_long_text(page):
    page.get_by_label("Wat vindt uw kind leuk op school?").fill("x" * 2001)
    page.get_by_role("button", name="Volgende", exact=True).click()
    page.locator("[data-error-summary]").wait_for()


def _confirm_forget(page):
    page.get_by_role("button", name="Ja, wis alles").click()
    page.get_by_role("heading", name="Uw gegevens zijn gewist").wait_for()


def _make_a_code(page):
    page.get_by_role("button", name="Maak een bewaarcode").click()
    page.get_by_role("heading", name="Uw bewaarcode").wait_for()


def _type_a_wrong_code(page):
    page.get_by_label("Uw bewaarcode").fill("AAAA-AAAA-AAAA")
    page.get_by_role("button", name="Ga verder").click()
    page.locator("[data-error-summary]").wait_for()


def _post_without_csrf_cookie(page):
    page.context.clear_cookies()
    page.get_by_role("button", name="Volgende", exact=True).click()
    page.get_by_role("heading", name="De pagina was verlopen").wait_for()


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


PAGES = [
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
