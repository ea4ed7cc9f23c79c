"""After the gesprek in a real browser, keyboard only: from the entry page to the letter as PDF."""
import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from ..conftest import fill_wizard, pdf_words
from .conftest import browser_cookies
from .keyboard import choose_radio, press, type_date, type_text

pytestmark = pytest.mark.browser


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def radio_names(page, prefix="q"):
    return page.evaluate(
        """prefix => [...new Set([...document.querySelectorAll('input[type=radio]')].map(i => i.name))]
           .filter(name => name.startsWith(prefix))"""
    , prefix)


def test_a_parent_goes_through_the_after_phase_with_the_keyboard_to_a_letter(page, live_server):
    page.context.add_cookies(browser_cookies(fill_wizard(Client()), live_server))
    page.goto("/na-het-gesprek/")
    press(page, page.get_by_role("link", name="Verder waar ik was"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe ging het gesprek?")
    type_text(page, page.get_by_label("Wie waren er bij het gesprek?"), "juf Sanne en ik")
    for name in radio_names(page):
        choose_radio(page, name, "deels")
    choose_radio(page, "enough_time", "nee")
    press(page, button(page, "Volgende"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Wat heeft u afgesproken?")
    type_text(page, page.locator("[name='afspraak-0-who']"), "juf Sanne")
    type_text(page, page.locator("[name='afspraak-0-what']"), "let op in de pauze")
    type_date(page, page.locator("[name='afspraak-0-when']"), "2026-12-10")
    press(page, button(page, "Nog een afspraak toevoegen"))
    expect(page.locator("main")).to_contain_text("Afspraak 2 is toegevoegd.")
    type_text(page, page.locator("[name='afspraak-1-who']"), "ik")
    type_text(page, page.locator("[name='afspraak-1-what']"), "bel de juf als het weer gebeurt")
    press(page, button(page, "Volgende"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe gaat het verder?")
    type_date(page, page.get_by_label("Op welke dag spreekt u elkaar weer?"), "2026-12-17")
    choose_radio(page, "way", "afspraak")
    press(page, button(page, "Volgende"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Zijn de afspraken nagekomen?")
    first, second = radio_names(page)
    choose_radio(page, first, "nee")
    choose_radio(page, second, "ja")
    press(page, button(page, "Volgende"))

    expect(page).to_have_url(re.compile("/na-het-gesprek/$"))
    press(page, page.get_by_role("link", name="Wat kunt u nu doen?"))
    expect(page.locator("main")).to_contain_text("Waarom dit nu:")
    press(page, page.get_by_role("link", name=re.compile("^Schrijf een brief")).first)

    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag om een nieuw gesprek")
    letter = page.get_by_label("Uw brief")
    expect(letter).to_have_value(re.compile("let op in de pauze"))
    type_text(page, letter, "Beste juf Sanne,\nKunnen we weer praten?\nGroet, Ahmed")
    with page.expect_download() as download:
        press(page, button(page, "Opslaan en printen (PDF)"))
    with open(download.value.path(), "rb") as handle:
        text = pdf_words(handle.read())
    assert "Kunnen we weer praten?" in text and "Groet, Ahmed" in text
