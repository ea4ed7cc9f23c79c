"""Six languages: complete catalogues, every page in every language, the language choice, and bad input."""
import io
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from .conftest import (
    FULL_ANSWERS,
    collect_pages,
    html_pages,
    pdf_words,
    post_step,
    step_url,
    visible_text,
)

pytestmark = pytest.mark.django_db
LOCALE = Path(settings.BASE_DIR) / "locale"
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "nl"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[0-9a-z_]*\}")
# Dutch that may stay on a page in another language: institution names and our own names.
ALLOWED_DUTCH = re.compile(
    r"Pestgesprek|Kenniscentrum Pesten|Voorbeeldschool|verzonnen|aanspreekpunt|vertrouwenspersoon|zorgco|"
    r"leerplicht|jeugdarts|schoolarts|huisarts|Kinderombudsman|Kindertelefoon|Onderwijsinspectie|vertrouwensinspecteur|"
    r"medezeggenschapsraad|klachtenregeling|Klachtencommissie|pestco|pestprotocol|schoolgids|aangifte|rapport|"
    r"10-minutengesprek|afsprakenblad|bewaarcode|basisschool|middelbare school|GGD|"
    # The title of the source text: a Dutch article, named as it is.
    r"Tips voor het gesprek met school",
    re.IGNORECASE,
)


def _catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_catalogue_is_complete_without_fuzzy_entries_and_with_the_same_placeholders(language):
    catalogue = _catalogue(language)
    assert catalogue.percent_translated() == 100, [entry.msgid for entry in catalogue.untranslated_entries()][:10]
    assert catalogue.fuzzy_entries() == []
    for entry in catalogue:
        wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) in (wanted, sorted(PLACEHOLDER.findall(entry.msgid))), entry.msgid


def _dutch_sentences(language):
    """Catalogue msgids of four words or more whose translation is different: Dutch that must not show."""
    return [
        entry.msgid
        for entry in _catalogue(language)
        if len(entry.msgid.split()) >= 4 and "%" not in entry.msgid and entry.msgstr and entry.msgstr != entry.msgid
        and not ALLOWED_DUTCH.search(entry.msgid)
    ]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_page_type_is_in_the_language_with_the_right_lang_and_dir(language, filled_client, demo_school, settings, monkeypatch):
    settings.ROOT_URLCONF = "tests.urls"
    pages = html_pages(collect_pages(filled_client, demo_school, monkeypatch, language))
    dutch = _dutch_sentences(language)
    direction = "rtl" if language == "ar" else "ltr"
    # Pages that are Dutch by design: outside the language prefixes (test errors), or the admin's.
    dutch_by_design = {"400", "400 unknown host", "403", "500", "403 csrf"}
    checked = 0
    for name, response in pages.items():
        if name in dutch_by_design:
            continue
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html, name
        text = visible_text(html)  # a letter's text box holds the Dutch letter on purpose
        leaks = [sentence for sentence in dutch if sentence in text]
        assert leaks == [], (name, leaks[:3])
        checked += 1
    assert checked >= 30


def test_a_draft_started_in_one_language_is_finished_in_another_and_switching_keeps_the_step(client):
    post_step(client, "over-het-gesprek", FULL_ANSWERS["over-het-gesprek"])
    here = step_url("praat-met-uw-kind")
    response = client.post(reverse("set_language"), {"language": "ar", "next": here})
    assert response["Location"] == "/ar" + here
    with translation.override("ar"):
        post_step(client, "praat-met-uw-kind", FULL_ANSWERS["praat-met-uw-kind"])
        html = client.get(reverse("wizard:check")).content.decode()
    assert "juf Sanne" in html and "Gym en tekenen" in html
    # And back to Dutch from an Arabic page: the same page, in Dutch.
    response = client.post(reverse("set_language"), {"language": "nl", "next": "/ar" + here})
    assert response["Location"] == here
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"


def test_the_language_choice_is_remembered_and_a_first_visit_follows_the_browser(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr,nl;q=0.5")["Location"] == "/tr/"
    client.post(reverse("set_language"), {"language": "nl", "next": "/tr/"})
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr").status_code == 200
    client.post(reverse("set_language"), {"language": "uk", "next": "/"})
    assert client.get("/privacy/")["Location"] == "/uk/privacy/"
    assert client.get("/s/voorbeeldschool/?x=1")["Location"] == "/uk/s/voorbeeldschool/?x=1"


def test_school_links_work_in_every_language(client, demo_school):
    for language in OTHER_LANGUAGES:
        response = Client().get(f"/{language}/s/{demo_school.slug}/")
        assert response.status_code == 200 and "Voorbeeldschool (demo)" in response.content.decode()


def test_an_unknown_language_prefix_is_the_dutch_404(client):
    response = client.get("/xx/stap/over-het-gesprek/")
    assert response.status_code == 404
    assert '<html lang="nl" dir="ltr">' in response.content.decode() and "Deze pagina bestaat niet" in response.content.decode()


@pytest.mark.parametrize("next_url", ["https://elders.example/", "//elders.example/x", "javascript:alert(1)"])
def test_set_language_with_a_foreign_next_stays_on_our_site(client, next_url):
    response = client.post(reverse("set_language"), {"language": "en", "next": next_url})
    assert response.status_code == 302 and response["Location"].startswith("/")
    assert not response["Location"].startswith("//")


def test_a_language_cookie_with_garbage_falls_back_to_dutch(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "<script>" * 200
    response = client.get("/")
    assert response.status_code == 200 and '<html lang="nl" dir="ltr">' in response.content.decode()


def test_hreflang_alternates_name_the_same_page_in_every_language(client):
    html = client.get(reverse("wizard:privacy")).content.decode()
    for language in OTHER_LANGUAGES:
        assert f'<link rel="alternate" hreflang="{language}" href="http://testserver/{language}/privacy/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/privacy/">' in html


def _pdf(client, language, **query):
    with translation.override(language):
        return client.get(reverse("wizard:pdf"), query).content


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_pdf_is_in_the_language_with_its_lang_and_a_dutch_line_for_the_teacher(language, filled_client):
    body = _pdf(filled_client, language)
    assert PdfReader(io.BytesIO(body)).trailer["/Root"]["/Lang"] == language
    text = pdf_words(body)
    assert "Voor de leerkracht: deze ouder leest" in text
    # Under each heading the Dutch: "Mijn belangrijkste vragen" is on the sheet as well.
    assert "Mijn belangrijkste vragen" in text
    with translation.override(language):
        heading = translation.gettext("Mijn belangrijkste vragen")
    if language != "ar":  # Arabic comes back from the PDF's text layer garbled (WeasyPrint #2841)
        assert heading in text
    # Switched off: only the parent's language.
    own_only = pdf_words(_pdf(filled_client, language, tweetalig="nee"))
    assert "Voor de leerkracht" not in own_only and "Mijn belangrijkste vragen" not in own_only


def test_the_arabic_pdf_embeds_an_arabic_font_and_holds_the_words_of_a_known_heading(filled_client):
    body = _pdf(filled_client, "ar")
    reader = PdfReader(io.BytesIO(body))
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("NotoSansArabic" in font.replace("-", "") for font in fonts), fonts
    with translation.override("ar"):
        title = translation.gettext("Voorbereiding gesprek met school")
    # The document's title (its heading in the PDF viewer) comes back word for word.
    assert reader.metadata.title.startswith(title), reader.metadata.title
    # The page text is Arabic too, but WeasyPrint's text layer maps some Arabic letter shapes
    # to the wrong letter (Kozea/WeasyPrint#2841), so it cannot be compared word for word.
    assert re.search("[\u0600-\u06ff]{3}", pdf_words(body))
