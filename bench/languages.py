"""The preparation sheet's PDF in every language: the view against raw WeasyPrint on the same HTML, in CPU time.

Every language but Dutch is measured as parents get it by default: two languages, the
Dutch beneath each heading and question (wizard/views/documents.py two_languages_wanted).
"""
import gc
import statistics

from .in_process import captured_html, cpu_timed, empty_caches, raw_weasyprint

ROUNDS = 15
GOAL = 0.15  # the view may cost at most 15 % more than WeasyPrint alone


def translated_share(language):
    """The share of the catalogue's messages translated in this worktree (Dutch is the source)."""
    import polib

    from .environment import ROOT

    if language == "nl":
        return 1.0
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    return catalogue.percent_translated() / 100


def measure_languages():
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from tests.conftest import fill_wizard

    client = fill_wizard(Client())
    languages = [code for code, _name in settings.LANGUAGES]
    urls, html = {}, {}
    for language in languages:
        with translation.override(language):
            urls[language] = reverse("wizard:pdf")
        empty_caches()
        html[language] = captured_html(client, urls[language])
    view = {language: [] for language in languages}
    raw = {language: [] for language in languages}
    pages = {}

    def time_view(language):
        empty_caches()
        gc.collect()  # a collection left over from the last render is not this render's cost
        seconds, response = cpu_timed(lambda: client.get(urls[language]))
        assert response.status_code == 200 and response["X-Pestgesprek-Cache"] == "miss", language
        view[language].append(seconds)

    def time_raw(language):
        gc.collect()
        seconds, body = cpu_timed(lambda: raw_weasyprint(html[language]))
        raw[language].append(seconds)
        pages[language] = page_count(body)

    # Interleaved, so drift on a shared machine touches every language alike; view and raw
    # take turns going first, and each round's pair is compared with itself.
    for number in range(ROUNDS):
        for language in languages:
            for timer in (time_view, time_raw) if number % 2 == 0 else (time_raw, time_view):
                timer(language)
    result = {}
    for language in languages:
        ratios = [v / r for v, r in zip(view[language], raw[language])]
        result[language] = {
            "view": statistics.median(view[language]),
            "raw": statistics.median(raw[language]),
            # The median of each round's own ratio: a slow moment of the machine hits both halves of a pair.
            "overhead": statistics.median(ratios) - 1,
            "pages": pages[language],
            "translated": translated_share(language),
            "html_kb": len(html[language].encode()) / 1024,
        }
    return {"languages": result, "rounds": ROUNDS}


def page_count(body):
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(body)).pages)


def rows(result, verdict):
    lines = []
    for language, row in result["languages"].items():
        mode = "Dutch only" if language == "nl" else "two languages"
        lines.append(
            f"| PDF view over raw WeasyPrint, {language} ({mode}; CPU median of {result['rounds']}: "
            f"{row['view'] * 1000:.0f} ms against {row['raw'] * 1000:.0f} ms) | {row['overhead']:+.1%} | at most +15 % | "
            f"{verdict(row['overhead'] <= GOAL)} |"
        )
    return lines


def details(result):
    lines = [
        "PDF per language (the same filled-in draft; CPU time of this process, median; two languages for all but Dutch):",
        "",
        "| language | catalogue translated here | HTML | pages | view | raw WeasyPrint | overhead (median of the rounds' ratios) |",
        "|---|---|---|---|---|---|---|",
    ]
    for language, row in result["languages"].items():
        lines.append(
            f"| {language} | {row['translated']:.0%} | {row['html_kb']:.1f} KB | {row['pages']} | {row['view'] * 1000:.1f} ms | "
            f"{row['raw'] * 1000:.1f} ms | {row['overhead']:+.1%} |"
        )
    untranslated = [language for language, row in result["languages"].items() if row["translated"] < 1]
    if untranslated:
        lines += [
            "",
            f"Not every catalogue is translated in this worktree ({', '.join(untranslated)}): where a message has no "
            "translation the sheet shows the Dutch, once (wizard/templatetags/bilingual.py leaves out a Dutch line that "
            "says the same). So those sheets have less text than they will have: their timings are a floor for now, and "
            "en and ar, translated in full, show what two languages cost.",
        ]
    return lines
