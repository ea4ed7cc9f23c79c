"""The printable plan: contents, order, safety of the renderer, the HTTP response and its cache."""
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from weasyprint.urls import URLFetcherResponse

from wizard.documents import render_plan_pdf
from wizard.models import Draft
from wizard.pdf import STATIC_ORIGIN, StaticFilesOnlyFetcher

from .conftest import FULL_ANSWERS, fill_wizard, pdf_text, post_step

pytestmark = pytest.mark.django_db


def _flat(text):
    return " ".join(text.split())


def test_pdf_download_has_a_dated_file_name_and_is_not_stored(filled_client):
    response = filled_client.get(reverse("wizard:pdf") + "?download=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="voorbereiding-gesprek-2026-12-03.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")


def test_pdf_view_without_download_opens_inline(filled_client):
    response = filled_client.get(reverse("wizard:pdf"))
    assert response["Content-Disposition"].startswith("inline;")


def test_pdf_text_has_the_answers_with_the_top_three_questions_first(filled_client):
    text = _flat(pdf_text(filled_client.get(reverse("wizard:pdf")).content))
    assert "Mijn gesprek met school over Emma" in text
    assert "donderdag 3 december 2026 om 15:30" in text
    assert "juf Sanne (de leerkracht)" in text
    top = text.index("Mijn belangrijkste vragen")
    others = text.index("Mijn andere vragen")
    chosen = [text.index("Hoe gaat mijn kind om met de andere kinderen in de groep?"), text.index("Krijgt ze extra hulp bij rekenen?")]
    not_chosen = [text.index("Wat zijn de sterke punten van mijn kind?"), text.index("Hoe gaat het met lezen?")]
    assert all(top < position < others for position in chosen)
    assert all(position > others for position in not_chosen)
    for expected in [
        "Thuis is ze vrolijk",
        "Ze stelt huiswerk uit",
        "Dat ze graag naast Noor zit",
        "Emma maakt het huiswerk voor rekenen af elke dinsdagavond",
        "Een e-mail, over zes weken",
        "Afspraken uit het gesprek",
        "Wie Wat Wanneer",
        "Kenniscentrum Pesten",
        "pagina 1 van",
    ]:
        assert expected in text, expected


def test_with_three_questions_or_fewer_all_are_top_questions(client):
    post_step(client, "wat-wilt-u-vragen", {"examples": ["wat-kan-beter"], "own_questions": "Mag ze vaker voorlezen?"})
    text = _flat(pdf_text(client.get(reverse("wizard:pdf")).content))
    assert text.index("Mijn belangrijkste vragen") < text.index("Wat kan beter?") < text.index("Mag ze vaker voorlezen?")
    assert "Mijn andere vragen" not in text


def test_an_almost_empty_draft_still_gives_a_useful_sheet(client):
    post_step(client, "over-het-gesprek", {})
    draft = Draft.objects.get()
    body, filename = render_plan_pdf(draft)
    text = _flat(pdf_text(body))
    assert "Schrijf hier de vragen die u zeker wilt stellen." in text
    assert "Afspraken uit het gesprek" in text
    assert filename.startswith("voorbereiding-gesprek-")


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", '<img src="file:///etc/passwd">'])
def test_markup_stays_literal_in_the_pdf_and_nothing_is_fetched(client, monkeypatch, text):
    fetched = []
    original = StaticFilesOnlyFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticFilesOnlyFetcher, "fetch", spy)
    from wizard import pdf

    pdf._renderer.cache_clear()
    post_step(client, "praat-met-uw-kind", {"likes": text})
    post_step(client, "wat-wilt-u-vragen", {"own_questions": text})
    body = client.get(reverse("wizard:pdf")).content
    assert text in _flat(pdf_text(body))
    assert all(url.startswith(STATIC_ORIGIN) for url in fetched), fetched
    pdf._renderer.cache_clear()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/",
        "https://example.com/font.ttf",
        STATIC_ORIGIN + "../../../../etc/passwd",
        STATIC_ORIGIN + "css/%2e%2e/%2e%2e/settings.py",
        STATIC_ORIGIN + "bestaat-niet.css",
    ],
)
def test_the_fetcher_refuses_everything_but_our_static_files(url):
    with pytest.raises(ValueError):
        StaticFilesOnlyFetcher().fetch(url)


def test_the_fetcher_serves_our_print_stylesheet_font_and_data_urls():
    css = StaticFilesOnlyFetcher().fetch(STATIC_ORIGIN + "css/print.css")
    assert isinstance(css, URLFetcherResponse)
    assert b"@page" in css.read()
    font = StaticFilesOnlyFetcher().fetch(STATIC_ORIGIN + "fonts/AtkinsonHyperlegible-Regular.ttf")
    assert len(font.read()) > 10_000
    data = StaticFilesOnlyFetcher().fetch("data:text/plain,hallo")
    assert data.read() == b"hallo"


def test_the_pdf_embeds_our_own_font_and_is_tagged(filled_client):
    reader = PdfReader(io.BytesIO(filled_client.get(reverse("wizard:pdf")).content))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("Atkinson" in name for name in fonts), fonts
    root = reader.trailer["/Root"]
    assert reader.metadata.title == "Voorbereiding gesprek met school 3 december 2026"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()


@pytest.fixture
def renders(monkeypatch):
    """Counts how often the PDF is really rendered by WeasyPrint."""
    from wizard import pdf

    calls = []
    original = pdf.html_to_pdf

    def counting(html):
        calls.append(html)
        return original(html)

    monkeypatch.setattr(pdf, "html_to_pdf", counting)
    return calls


def test_an_unchanged_draft_gets_the_same_pdf_without_rendering_again(filled_client, renders):
    first = filled_client.get(reverse("wizard:pdf"))
    second = filled_client.get(reverse("wizard:pdf") + "?download=1")
    assert len(renders) == 1
    assert second.content == first.content
    assert "no-store" in second["Cache-Control"]
    assert second["Content-Disposition"] == 'attachment; filename="voorbereiding-gesprek-2026-12-03.pdf"'


def test_a_changed_answer_renders_a_fresh_pdf(filled_client, renders):
    filled_client.get(reverse("wizard:pdf"))
    post_step(filled_client, "praat-met-uw-kind", {**FULL_ANSWERS["praat-met-uw-kind"], "likes": "Voorlezen"})
    body = filled_client.get(reverse("wizard:pdf")).content
    assert len(renders) == 2
    assert "Voorlezen" in pdf_text(body)


def test_another_language_or_day_renders_a_fresh_pdf(filled_client, renders, monkeypatch):
    import datetime

    from django.utils import timezone, translation

    draft = Draft.objects.get()
    render_plan_pdf(draft)
    with translation.override("en"):
        body, _filename = render_plan_pdf(draft)
    assert len(renders) == 2
    assert PdfReader(io.BytesIO(body)).trailer["/Root"]["/Lang"] == "en"
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    render_plan_pdf(draft)
    assert len(renders) == 3


def test_two_drafts_never_share_a_cached_pdf(renders):
    from django.test import Client

    first, second = fill_wizard(Client()), fill_wizard(Client())
    assert first.get(reverse("wizard:pdf")).content
    second.get(reverse("wizard:pdf"))
    assert len(renders) == 2


def test_wis_mijn_gegevens_also_drops_the_cached_pdf(filled_client):
    from django.core.cache import caches

    from wizard.drafts import cached_documents_key

    cache = caches["documents"]
    filled_client.get(reverse("wizard:pdf"))
    key = cached_documents_key(Draft.objects.get().pk)
    assert cache.get(key) is not None
    filled_client.post(reverse("wizard:forget"), {"bevestigd": "ja"})
    assert cache.get(key) is None
