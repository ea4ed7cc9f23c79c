"""A parent walks the wizard in a real browser on a phone-sized screen, keyboard only."""
import io
import re

import pytest
from django.utils import translation
from playwright.sync_api import expect
from pypdf import PdfReader

from ..conftest import FULL_ANSWERS, pdf_words, step_url
from .keyboard import fill_form, is_focused, press, tab_to, type_text

pytestmark = pytest.mark.browser


def ending_with(path):
    return re.compile(re.escape(path) + "$")


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def link(page, name):
    return page.get_by_role("link", name=name, exact=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_a_parent_fills_in_everything_with_the_keyboard_and_downloads_the_pdf(new_context, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto("/")
    press(page, link(page, "Begin met de voorbereiding"))

    for slug, answers in FULL_ANSWERS.items():
        expect(page).to_have_url(ending_with(step_url(slug)))
        shown = {name: value for name, value in answers.items() if page.locator(f"[name='{name}']").count()}
        fill_form(page, shown)
        press(page, button(page, "Volgende"))
        if len(shown) < len(answers):
            # A follow-up question ("Wie is dat?") appears once its question is answered.
            expect(page).to_have_url(re.compile(re.escape(step_url(slug)) + "#"))
            fill_form(page, {name: value for name, value in answers.items() if name not in shown})
            press(page, button(page, "Volgende"))

    expect(page).to_have_url(ending_with("/controleren/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer uw antwoorden")
    expect(page.locator("main")).to_contain_text("juf Sanne")

    press(page, link(page, "Wijzig praat eerst met uw kind"))
    save = button(page, "Opslaan en terug naar het overzicht")
    tab_to(page, save)
    # The parent went too far: Shift+Tab back up to the first field, change it, then save.
    type_text(page, page.get_by_label("Wat vindt uw kind leuk op school?"), "Voorlezen in de kring")
    press(page, save)
    expect(page).to_have_url(ending_with("/controleren/#summary-child"))
    expect(page.locator("main")).to_contain_text("Uw antwoorden zijn opgeslagen.")
    expect(page.locator("main")).to_contain_text("Voorlezen in de kring")

    with page.expect_download() as download:
        press(page, link(page, "Download het overzicht (PDF)"))
    assert download.value.suggested_filename == "voorbereiding-gesprek-2026-12-03.pdf"
    with open(download.value.path(), "rb") as handle:
        text = pdf_words(handle.read())
    assert "Mijn gesprek met school over Emma" in text
    assert "Voorlezen in de kring" in text
    assert "Gym en tekenen" not in text
    assert "Emma maakt het huiswerk voor rekenen af elke dinsdagavond" in text


def test_vorige_keeps_half_typed_text_and_the_back_button_works(page):
    page.goto(step_url("ga-naar-het-gesprek"))
    press(page, button(page, "Volgende"))
    expect(page).to_have_url(ending_with(step_url("praat-met-uw-kind")))
    type_text(page, page.get_by_label("Wat vindt uw kind leuk op school?"), "Half getyp")

    press(page, button(page, "Vorige"))
    expect(page).to_have_url(ending_with(step_url("ga-naar-het-gesprek")))
    press(page, button(page, "Volgende"))
    expect(page.get_by_label("Wat vindt uw kind leuk op school?")).to_have_value("Half getyp")

    page.go_back()
    expect(page).to_have_url(ending_with(step_url("ga-naar-het-gesprek")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ga naar het gesprek")
    page.go_forward()
    expect(page.get_by_label("Wat vindt uw kind leuk op school?")).to_have_value("Half getyp")


def test_the_error_summary_takes_the_focus_even_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(step_url("over-het-gesprek"))
    page.get_by_label("Groep of klas").fill("groep " * 10)
    press(page, button(page, "Volgende"))
    expect(page.locator("[data-error-summary]")).to_be_focused()


def test_the_error_summary_takes_the_focus_and_its_links_move_the_focus_to_the_field(page):
    page.goto(step_url("over-het-gesprek"))
    # Too long for the field, so the server refuses it; filled at once to keep the test fast.
    page.get_by_label("Groep of klas").fill("groep " * 10)
    press(page, button(page, "Volgende"))

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Fout: "))

    press(page, summary.get_by_role("link", name=re.compile("^Groep of klas")))
    field = page.get_by_label("Groep of klas")
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
    expect(field).to_have_value("groep " * 10)


def test_an_error_link_to_a_group_of_tick_boxes_focuses_the_first_box(page):
    page.goto(step_url("wat-wilt-u-vragen"))
    page.get_by_label("Uw eigen vragen").fill("\n".join(f"Vraag {n}?" for n in range(5)))
    press(page, button(page, "Volgende"))
    expect(page).to_have_url(ending_with(step_url("belangrijkste-vragen")))
    for box in page.get_by_role("checkbox").all()[:4]:
        box.check()
    press(page, button(page, "Volgende"))

    expect(page.locator("[data-error-summary]")).to_be_focused()
    press(page, page.locator("[data-error-summary] a").first)
    first_box = page.get_by_role("checkbox").first
    assert is_focused(first_box)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_parent_goes_through_the_whole_wizard_in_their_own_language_to_the_pdf(browser, browser_context_args, language):
    """The same walk, keyboard only, in English and in Arabic: the labels come from the catalogue."""

    def t(text):
        with translation.override(language):
            return translation.gettext(text)

    def url(slug):
        with translation.override(language):
            return step_url(slug)

    context = browser.new_context(**{**browser_context_args, "locale": language, "accept_downloads": True})
    try:
        _walk_in(context.new_page(), language, t, url)
    finally:
        context.close()


def _walk_in(page, language, t, url):
    page.goto("/")
    expect(page).to_have_url(ending_with(f"/{language}/"))  # the browser's language, on a first visit
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    press(page, link(page, t("Begin met de voorbereiding")))
    for slug, answers in FULL_ANSWERS.items():
        expect(page).to_have_url(ending_with(url(slug)))
        shown = {name: value for name, value in answers.items() if page.locator(f"[name='{name}']").count()}
        fill_form(page, shown)
        press(page, button(page, t("Volgende")))
        if len(shown) < len(answers):
            fill_form(page, {name: value for name, value in answers.items() if name not in shown})
            press(page, button(page, t("Volgende")))
    expect(page).to_have_url(ending_with(f"/{language}/controleren/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Controleer uw antwoorden"))
    with page.expect_download() as download:
        press(page, page.locator("main form.download-form button.button"))
    with open(download.value.path(), "rb") as handle:
        body = handle.read()
    assert PdfReader(io.BytesIO(body)).trailer["/Root"]["/Lang"] == language
    text = pdf_words(body)
    assert "juf Sanne" in text and "Voor de leerkracht: deze ouder leest" in text
