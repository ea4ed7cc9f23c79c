"""Render times of the other documents, in CPU seconds: the afsprakenblad, a letter, and the largest valid draft.

The largest valid draft (tests/largest.py) is saved step by step through the test client,
as a parent would, and printed in every language; its worst CPU time is set against the
render limit, settings.PDF_RENDER_SECONDS, which counts CPU time too (wizard/pdf.py).
"""
import gc
import statistics

from .in_process import cpu_timed, empty_caches
from .languages import page_count

ROUNDS = 5
LARGEST_ROUNDS = 3
LETTER = "klacht"


def _render(client, url, rounds):
    """CPU seconds of each render of ``url`` with the caches emptied, and the last PDF."""
    seconds = []
    for _ in range(rounds):
        empty_caches()
        gc.collect()
        spent, response = cpu_timed(lambda: client.get(url))
        assert response.status_code == 200 and response["X-Pestgesprek-Cache"] == "miss", (url, response.status_code)
        seconds.append(spent)
    return seconds, response.content


def _summary(seconds, body):
    return {"median": statistics.median(seconds), "max": max(seconds), "pages": page_count(body), "kb": len(body) / 1024}


def largest_client():
    """A test client whose draft is the largest valid one, saved step by step."""
    from django.test import Client

    from tests.conftest import post_step
    from tests.largest import largest_valid_answers
    from wizard import steps

    client, answers = Client(), largest_valid_answers()
    for step in steps.steps_in(steps.PREPARE):
        assert post_step(client, step.slug, answers[step.key]).status_code == 302, step.slug
    return client


def after_client():
    """A test client whose draft has the after phase filled in (tests/conftest.py fill_after)."""
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    from tests.conftest import fill_after, fill_wizard

    # fill_after reads the forms from response.context, which Django fills only in its test
    # environment; that instruments every template render, so it is switched off again at once.
    setup_test_environment()
    try:
        return fill_after(fill_wizard(Client()))
    finally:
        teardown_test_environment()


def measure_documents():
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    after = after_client()
    result = {
        "agreements": _summary(*_render(after, reverse("wizard:agreements_pdf"), ROUNDS)),
        "letter": _summary(*_render(after, reverse("wizard:letter_pdf", args=[LETTER]), ROUNDS)),
        "largest": {},
        "rounds": ROUNDS,
        "largest_rounds": LARGEST_ROUNDS,
        "limit": settings.PDF_RENDER_SECONDS,
    }
    largest = largest_client()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            url = reverse("wizard:pdf")
        result["largest"][language] = _summary(*_render(largest, url, LARGEST_ROUNDS))
    worst = max(result["largest"], key=lambda language: result["largest"][language]["max"])
    result["worst"] = worst
    return result


def rows(result, verdict):
    agreements, letter, limit = result["agreements"], result["letter"], result["limit"]
    nl, worst = result["largest"]["nl"], result["largest"][result["worst"]]
    return [
        f"| afsprakenblad PDF (after phase, Dutch, CPU median of {result['rounds']}) | {agreements['median'] * 1000:.0f} ms, "
        f"{_pages(agreements)} | | |",
        f"| letter PDF (`/na-het-gesprek/brief/{LETTER}.pdf`, always Dutch, CPU median of {result['rounds']}) | "
        f"{letter['median'] * 1000:.0f} ms, {_pages(letter)} | | |",
        f"| largest valid draft, Dutch (CPU median of {result['largest_rounds']}) | {nl['median']:.2f} s, {nl['pages']} pages, "
        f"{nl['kb']:.0f} KB | under the render limit ({limit:.0f} s of CPU) | {verdict(nl['max'] < limit)} |",
        f"| largest valid draft, slowest language ({result['worst']}, two languages; slowest of {result['largest_rounds']}) | "
        f"{worst['max']:.2f} s, {worst['pages']} pages: {worst['max'] / limit:.0%} of the limit | under the render limit "
        f"({limit:.0f} s of CPU) | {verdict(worst['max'] < limit)} |",
    ]


def _pages(row):
    return f"{row['pages']} page" + ("" if row["pages"] == 1 else "s")


def details(result):
    lines = [
        "The largest valid draft (tests/largest.py: every row and box, the draft's whole text budget) per language, "
        f"CPU seconds of the PDF view with the caches emptied ({result['largest_rounds']} renders each):",
        "",
        "| language | median | slowest | pages | size |",
        "|---|---|---|---|---|",
    ]
    for language, row in result["largest"].items():
        lines.append(f"| {language} | {row['median']:.2f} s | {row['max']:.2f} s | {row['pages']} | {row['kb']:.0f} KB |")
    return lines
