"""Server-side timings inside one process: the PDF view against raw WeasyPrint, and the steps."""
import gc
import statistics
import time

from .environment import summary

PDF_ROUNDS = 15
STEP_ROUNDS = 40


def _timed(call):
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def cpu_timed(call):
    """(CPU seconds this process spent, result): what other work on the machine inflates least."""
    start = time.process_time()
    result = call()
    return time.process_time() - start, result


def empty_caches():
    """Empty every cache: PDFs live in the "documents" cache, rate-limit counts in the default one."""
    from django.conf import settings
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()


def captured_html(client, url, **query):
    """GET a PDF ``url`` and return the exact HTML its view handed to WeasyPrint (fonts and stylesheet warm after)."""
    from wizard import pdf

    seen, render = [], pdf.html_to_pdf
    pdf.html_to_pdf = lambda html: seen.append(html) or render(html)
    try:
        response = client.get(url, query)
        assert response.status_code == 200, (url, response.status_code)
    finally:
        pdf.html_to_pdf = render
    return seen[0]


def raw_weasyprint(html):
    """WeasyPrint alone on ``html``: the same stylesheet, fonts and URL fetcher as the view, no Django."""
    from weasyprint import HTML

    from wizard import pdf

    fetcher, font_config, stylesheet = pdf._renderer()
    document = HTML(string=html, base_url=pdf.STATIC_ORIGIN, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], font_config=font_config, pdf_variant="pdf/ua-1")


def measure_pdf():
    from django.test import Client
    from django.urls import reverse

    from tests.conftest import fill_wizard

    client = fill_wizard(Client())
    url = reverse("wizard:pdf")
    # Catch the exact HTML the view renders, so raw WeasyPrint gets the same input.
    html = captured_html(client, url)

    view, raw, cached, sizes = [], [], [], set()
    for number in range(PDF_ROUNDS):
        # CPU time of this process; view and raw take turns going first, and each round's
        # pair is compared with itself, so a slow moment of the machine hits both halves.
        def time_view():
            empty_caches()
            gc.collect()
            seconds, response = cpu_timed(lambda: client.get(url))
            assert response["X-Pestgesprek-Cache"] == "miss"
            view.append(seconds)
            sizes.add(len(response.content))

        def time_raw():
            gc.collect()
            raw.append(cpu_timed(lambda: raw_weasyprint(html))[0])

        for timer in (time_view, time_raw) if number % 2 == 0 else (time_raw, time_view):
            timer()
        seconds, again = cpu_timed(lambda: client.get(url))
        assert again["X-Pestgesprek-Cache"] == "hit"
        cached.append(seconds)
    view_median, raw_median, cached_median = (statistics.median(v) for v in (view, raw, cached))
    return {
        "view": view_median,
        "raw": raw_median,
        "overhead": statistics.median(v / r for v, r in zip(view, raw)) - 1,
        "cached": cached_median,
        "speedup": view_median / cached_median,
        "bytes": max(sizes),
        "rounds": PDF_ROUNDS,
    }


def measure_steps():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.conftest import FULL_ANSWERS, post_step, step_url

    times = {"GET": [], "POST": []}
    queries = {"GET": 0, "POST": 0}
    # One client, so Django loads its middleware once, as a gunicorn worker does (WhiteNoise
    # scans the static files then); no cookies makes each round a new parent.
    client = Client()
    for _ in range(STEP_ROUNDS):
        client.cookies.clear()
        for slug, answers in FULL_ANSWERS.items():
            for method, call in (("GET", lambda: client.get(step_url(slug))), ("POST", lambda: post_step(client, slug, answers))):
                with CaptureQueriesContext(connection) as captured:
                    seconds, response = _timed(call)
                assert response.status_code in (200, 302), (method, slug, response.status_code)
                times[method].append(seconds)
                queries[method] = max(queries[method], len(captured))
    return {method: {**summary(times[method]), "queries": queries[method], "count": len(times[method])} for method in times}
