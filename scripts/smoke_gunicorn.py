"""Smoke test: gunicorn with production settings serves the start page, saves a step and sends a PDF.

Run by .ci/run (against PostgreSQL there) and by `make smoke`. Uses DATABASE_URL when it
is set, else a SQLite file in a temporary folder. Talks plain HTTP to 127.0.0.1 and sends
X-Forwarded-Proto: https, as the TLS proxy in front of production does.
"""
import html
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PORTS = range(8400, 8500)
MARKER = "Rookproef-" + secrets.token_hex(6)
# Settings the test process may have in its environment that would soften production.
SOFTENERS = ("DEBUG", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "SECRET_KEY")


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit("No free port in 8400-8499.")


def production_env(workdir, port):
    env = {key: value for key, value in os.environ.items() if key not in SOFTENERS}
    env.update(
        DJANGO_SETTINGS_MODULE="pestgesprek.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(workdir / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'smoke.sqlite3'}")
    return env


class Browser:
    """Just enough of a browser: cookies, the proxy's header, and an Origin on POST."""

    def __init__(self, port):
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies = {}
        self.set_cookie_headers = []

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.set_cookie_headers.append(header)
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response, content

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields):
        body = urlencode(fields, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin}
        return self.request("POST", path, body=body, headers=headers)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"  ok: {message}")


def wait_until_up(browser, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn stopped with exit code {server.returncode}")
        try:
            response, _ = browser.get("/")
            if response.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"gunicorn did not answer within {seconds} seconds")


def walk(browser):
    response, body = browser.get("/")
    page = body.decode()
    check(response.status == 200 and "Bereid uw gesprek met school voor" in page, "start page")
    check("default-src 'none'" in response.headers["Content-Security-Policy"], "CSP header")
    check("max-age=" in response.headers.get("Strict-Transport-Security", ""), "HSTS header")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page)
    check(stylesheet is not None, "hashed stylesheet name from collectstatic")
    response, _ = browser.get(stylesheet.group(1))
    check(response.status == 200 and "max-age" in response.headers.get("Cache-Control", ""), "whitenoise serves static files")

    response, body = browser.get("/stap/over-het-gesprek/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode())
    check(response.status == 200 and token is not None and "csrftoken" in browser.cookies, "step page with CSRF token")
    response, _ = browser.post_form(
        "/stap/over-het-gesprek/",
        {"csrfmiddlewaretoken": html.unescape(token.group(1)), "stap": "about", "child_name": MARKER, "date": "2026-12-03", "action": "volgende"},
    )
    check(response.status == 302 and response.headers["Location"] == "/stap/ga-naar-het-gesprek/", "step saved")
    session_cookie = next(header for header in browser.set_cookie_headers if header.startswith("sessionid="))
    for flag in ("HttpOnly", "Secure", "SameSite=Lax"):
        check(flag.lower() in session_cookie.lower(), f"session cookie is {flag}")

    response, body = browser.get("/controleren/")
    check(response.status == 200 and MARKER in body.decode(), "check page shows the answer")

    response, body = browser.get("/voorbereiding.pdf?download=1")
    check(response.status == 200 and response.headers["Content-Type"] == "application/pdf", "PDF response")
    check(body.startswith(b"%PDF-") and len(body) > 10_000, f"PDF body ({len(body) // 1024} KB)")
    check(
        response.headers["Content-Disposition"] == 'attachment; filename="voorbereiding-gesprek-2026-12-03.pdf"',
        "PDF file name",
    )


def main():
    with tempfile.TemporaryDirectory(prefix="pestgesprek-smoke-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        env = production_env(workdir, port)
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
            subprocess.run([sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True)
        log_path = workdir / "gunicorn.log"
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py"], cwd=ROOT, env=env, stdout=log, stderr=log
            )
        print(f"gunicorn on 127.0.0.1:{port}, database {env['DATABASE_URL'].split(':')[0]}")
        try:
            browser = Browser(port)
            wait_until_up(browser, server)
            walk(browser)
        except Exception:
            print(log_path.read_text(errors="replace"), file=sys.stderr)
            raise
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        output = log_path.read_text(errors="replace")
        check(MARKER not in output, "gunicorn's output holds none of the typed text")
        check("Traceback" not in output, "no tracebacks in gunicorn's output")
    print("Smoke test passed.")


if __name__ == "__main__":
    main()
