"""Render a parent's plan as an A4 PDF. Only our own static files may be fetched."""
import functools
import hashlib
import json
import mimetypes
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from .drafts import cached_pdf_key
from .plan import build_plan

# A made-up origin: links in the PDF template point here, and the fetcher maps them to
# our static files. Nothing is ever requested over the network.
STATIC_ORIGIN = "https://static.pestgesprek.invalid/"
PRINT_STYLESHEET = "css/print.css"
# A parent often views, then downloads, then prints: render once for all three.
PDF_CACHE_SECONDS = 10 * 60


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves our own static files and data: URLs; refuses every other URL.

    Refusing means raising, which WeasyPrint treats as a missing resource: text typed by
    a parent can never make the renderer read a local file or call a server.
    """

    def __init__(self):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(STATIC_ORIGIN):
            raise ValueError("Pestgesprek's PDF renderer fetches only its own static files.")
        path = unquote(urlsplit(url).path).lstrip("/")
        body, content_type = _static_file(path)
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


@functools.lru_cache(maxsize=32)
def _static_file(path):
    if ".." in path.split("/"):
        raise ValueError("No parent folders.")
    try:
        found = finders.find(path)
    except SuspiciousFileOperation as error:
        raise ValueError("Not a static file.") from error
    if not found:
        raise ValueError("No such static file.")
    with open(found, "rb") as handle:
        body = handle.read()
    return body, mimetypes.guess_type(path)[0] or "application/octet-stream"


@functools.lru_cache(maxsize=1)
def _renderer():
    """The parsed print stylesheet, its fonts and the fetcher: made once per process."""
    fetcher = StaticFilesOnlyFetcher()
    font_config = FontConfiguration()
    stylesheet = CSS(url=STATIC_ORIGIN + PRINT_STYLESHEET, url_fetcher=fetcher, font_config=font_config)
    return fetcher, font_config, stylesheet


def plan_html(plan):
    """The HTML that becomes the PDF (useful on its own for benchmarks)."""
    return render_to_string("pdf/plan.html", {"plan": plan, "made_on": timezone.localdate()})


def html_to_pdf(html):
    fetcher, font_config, stylesheet = _renderer()
    document = HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[stylesheet], font_config=font_config, pdf_variant="pdf/ua-1", uncompressed_pdf=False
    )


def _fingerprint(draft):
    """Everything the PDF depends on: the answers, the language and today's date ("Gemaakt op")."""
    content = json.dumps([draft.answers, translation.get_language(), timezone.localdate().isoformat()], sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()


def render_plan_pdf(draft):
    """The parent's plan as (PDF bytes, file name), made in memory.

    The result is cached in memory (never on disk) per draft, under a hash of what it
    depends on: asking again for an unchanged draft costs no rendering, a changed answer
    renders afresh.
    """
    key, fingerprint = cached_pdf_key(draft.pk), _fingerprint(draft)
    cached = cache.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1], cached[2]
    plan = build_plan(draft)
    date = plan.conversation_date or timezone.localdate()
    body, filename = html_to_pdf(plan_html(plan)), f"voorbereiding-gesprek-{date.isoformat()}.pdf"
    cache.set(key, (fingerprint, body, filename), PDF_CACHE_SECONDS)
    return body, filename
