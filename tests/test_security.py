"""Security headers on every page type, only our own origin, cookies, and `check --deploy`."""
import json
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from .conftest import html_pages, post_step, step_url

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "cite", "background", "manifest"}
# Schemes that open another app and load nothing into the page.
NON_LOADING_SCHEMES = ("tel:", "mailto:")


def csp_directives(header):
    return {name: sources for name, *sources in (part.split() for part in header.split(";") if part.strip())}


def test_every_page_type_sends_the_security_headers(every_page):
    assert len(every_page) > 20
    for name, response in every_page.items():
        csp = csp_directives(response["Content-Security-Policy"])
        assert csp["default-src"] == ["'none'"], name
        assert csp["frame-ancestors"] == ["'none'"], name
        assert csp["object-src"] == ["'none'"], name
        assert csp["base-uri"] == ["'none'"], name
        assert csp["form-action"] == ["'self'"], name
        # Our own origin or nothing: no 'unsafe-inline', no data:, no other hosts.
        assert {source for sources in csp.values() for source in sources} <= {"'self'", "'none'"}, (name, csp)
        assert response["X-Frame-Options"] == "DENY", name
        # A page with a staff link's secret in its address sends only our origin as referrer.
        assert response["Referrer-Policy"] in ("same-origin", "strict-origin"), name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert "camera=()" in response["Permissions-Policy"], name
        assert "geolocation=()" in response["Permissions-Policy"], name


class UrlCollector(HTMLParser):
    """Every URL an element points at, and whatever inline code a strict CSP would block."""

    def __init__(self):
        super().__init__()
        self.urls, self.inline = [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for attribute, value in attrs:
            if attribute in URL_ATTRIBUTES and value is not None:
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip()) if attribute == "srcset" else self.urls.append(value)
            if attribute == "style" or attribute.startswith("on"):
                self.inline.append(f"<{tag} {attribute}=...>")
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script" and not dict(attrs).get("src"):
            self.inline.append("<script> without src")


def is_same_origin(url, own_origin="http://testserver"):
    url = url.strip()
    # hreflang alternates are absolute, as search engines want, but to our own address.
    if url.startswith(NON_LOADING_SCHEMES) or url.startswith(own_origin + "/"):
        return True
    if url.startswith("//"):
        return False
    # A scheme is letters before a colon that comes before any / ? or #.
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url)


@pytest.mark.parametrize(
    "url, same",
    [
        ("/stap/afspraken/", True),
        ("?terug=controleren", True),
        ("#inhoud", True),
        ("tel:0848340086", True),
        ("https://example.com/x.js", False),
        ("http://testserver/en/privacy/", True),
        ("http://testserver.example/", False),
        ("http://127.0.0.1/", False),
        ("//cdn.example/x.css", False),
        ("data:text/css,body{}", False),
        ("javascript:alert(1)", False),
    ],
)
def test_the_same_origin_rule_itself(url, same):
    assert is_same_origin(url) is same


def test_every_page_refers_only_to_our_own_origin_and_has_no_inline_code(every_page):
    pages = html_pages(every_page)
    assert {"start", "check", "privacy", "404", "500", "429", "forgotten"} <= set(pages)
    for name, response in pages.items():
        collector = UrlCollector()
        collector.feed(response.content.decode())
        assert collector.urls, name
        assert [url for url in collector.urls if not is_same_origin(url)] == [], name
        assert collector.inline == [], name


def test_our_stylesheets_load_nothing_from_elsewhere():
    for css in (ROOT / "static" / "css").glob("*.css"):
        text = css.read_text()
        assert "@import" not in text, css.name
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert is_same_origin(url), (css.name, url)


def test_session_and_csrf_cookies_are_http_only_and_same_site_lax(client):
    csrf = client.get(step_url("over-het-gesprek")).cookies[settings.CSRF_COOKIE_NAME]
    session = post_step(client, "over-het-gesprek", {"child_name": "Emma"}).cookies[settings.SESSION_COOKIE_NAME]
    for cookie in (csrf, session):
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
    # The cookie is only a key into the database; the answers are not in it.
    assert "Emma" not in session.value
    assert Session.objects.filter(session_key=session.value).exists()


def production_env(**extra):
    """The environment of a production server: no development defaults, no test shortcuts."""
    test_only = {"DEBUG", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env.update(
        DJANGO_SETTINGS_MODULE="pestgesprek.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="pestgesprek.example",
        **extra,
    )
    return env


def test_production_settings_pass_check_deploy_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_cookies_are_secure_and_sessions_live_in_the_database():
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_ENGINE, s.DEBUG]))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=production_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True, "wizard.sessions", False]


def test_our_session_store_is_djangos_database_store():
    from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

    from wizard.sessions import SessionStore

    assert issubclass(SessionStore, DatabaseStore)


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_secret_key_or_allowed_hosts(missing):
    env = production_env()
    del env[missing]
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"Set {missing}" in result.stderr
