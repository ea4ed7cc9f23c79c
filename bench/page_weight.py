"""Bytes a phone downloads for one step page with its CSS, JS and fonts, as gunicorn and whitenoise serve them."""
import gzip
import os

from tests.browser import chromium

from .environment import ROOT
from .server import gunicorn

def measure_page_weight(path="/stap/praat-met-uw-kind/"):
    from playwright.sync_api import sync_playwright

    transfers = []
    with gunicorn() as server, sync_playwright() as playwright:
        url = server.url
        browser = playwright.chromium.launch(executable_path=chromium.EXECUTABLE, args=chromium.ARGS)
        # A Dutch browser: with another Accept-Language, a first visit is redirected to that language.
        page = browser.new_page(viewport={"width": 375, "height": 667}, locale="nl-NL")
        page.on("requestfinished", lambda request: transfers.append(request))
        page.goto(url + path, wait_until="networkidle")
        rows = []
        for request in transfers:
            response = request.response()
            sizes = request.sizes()
            body = b"" if 300 <= response.status < 400 else response.body()
            rows.append(
                {
                    "url": request.url.removeprefix(url),
                    "encoding": response.headers.get("content-encoding", "none"),
                    "transferred": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    "body": len(body),
                    "gzip": len(gzip.compress(body, 9)),
                }
            )
        browser.close()
    html = next(row for row in rows if row["url"] == path)
    return {
        "rows": rows,
        "total": sum(row["transferred"] for row in rows),
        # Django does not compress HTML itself (a TLS proxy in front usually does).
        "total_html_gzipped": sum(row["transferred"] for row in rows) - html["body"] + html["gzip"],
        "brotli": {name: os.path.getsize(ROOT / "staticfiles" / name) for name in ("css/site.css.br", "js/site.js.br")},
    }
