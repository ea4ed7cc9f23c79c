"""Smoke test: two app servers behind one PostgreSQL and one Redis, and one parent going back and forth.

Run by .ci/run as `make smoke-two-servers` (scripts/with_postgres.sh and scripts/with_redis.sh
set DATABASE_URL and REDIS_URL). Two gunicorn instances with production settings listen on
two ports. One parent alternates between them: the session and the draft carry over, a PDF
rendered by one is served from the shared cache by the other, and the PDF rate limit counts
the requests to both together. Then one instance is killed mid-walk, and the parent goes on
with the other without losing a saved step.
"""
import html
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from smoke_gunicorn import ROOT, VENV_BIN, Browser, check, free_port, production_env, wait_until_up

PDF_LIMIT = 4


def start(workdir, env, name, port):
    server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    log = open(workdir / f"gunicorn-{name}.log", "wb")  # noqa: SIM115 (closed with the server)
    process = subprocess.Popen([str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py"], cwd=ROOT, env=server_env, stdout=log, stderr=log)
    return {"name": name, "port": port, "process": process, "log": log}


def _free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def use(browser, server):
    """Point the parent's browser at one server; its cookies come along, as with one host behind a balancer."""
    browser.port = server["port"]
    browser.origin = f"https://127.0.0.1:{server['port']}"
    return browser


def save_step(browser, server, slug, key, fields):
    response, body = use(browser, server).get(f"/stap/{slug}/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode())
    check(response.status == 200 and token is not None, f"{server['name']}: step page {slug}")
    response, _ = browser.post_form(
        f"/stap/{slug}/", {"csrfmiddlewaretoken": html.unescape(token.group(1)), "stap": key, **fields, "action": "volgende"}
    )
    check(response.status == 302, f"{server['name']}: step {slug} saved")


def main():
    if not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")):
        raise SystemExit("Run under scripts/with_postgres.sh and scripts/with_redis.sh (make smoke-two-servers).")
    marker = "Twee-servers-" + secrets.token_hex(4)
    with tempfile.TemporaryDirectory(prefix="pestgesprek-two-") as tmp:
        workdir = Path(tmp)
        # Behind one load balancer both servers have one public address: SITE_URL (it is in the PDF's links).
        env = {
            **production_env(workdir, 0),
            "PDF_RATE_LIMIT_PER_SESSION": str(PDF_LIMIT),
            "GUNICORN_WORKERS": "2",
            "SITE_URL": "https://pestgesprek.example",
        }
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
            subprocess.run([sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True)
        first = free_port()
        # Probed before either server binds: the second must not be the first again.
        second = next(port for port in range(first + 1, first + 100) if _free(port))
        servers = [start(workdir, env, "A", first), start(workdir, env, "B", second)]
        a, b = servers
        print(f"A on 127.0.0.1:{a['port']}, B on 127.0.0.1:{b['port']}; one PostgreSQL, one Redis")
        browser = Browser(a["port"])
        try:
            for server in servers:
                wait_until_up(use(browser, server), server["process"])
                response, body = browser.get("/gezond/")
                check(response.status == 200 and body == b"gezond\n", f"{server['name']}: /gezond/ answers 200")

            save_step(browser, a, "over-het-gesprek", "about", {"child_name": marker, "date": "2026-12-03"})
            save_step(browser, b, "praat-met-uw-kind", "child", {"likes": f"{marker} tekent graag"})
            response, body = use(browser, a).get("/controleren/")
            page = body.decode()
            check(response.status == 200 and marker in page and f"{marker} tekent graag" in page, "A: the check page has what was saved on A and on B")

            statuses = []
            for server in [a, b, a, b]:
                response, body = use(browser, server).get("/voorbereiding.pdf")
                statuses.append((server["name"], response.status, response.headers.get("X-Pestgesprek-Cache")))
            check(statuses[0][1:] == (200, "miss"), f"A renders the PDF: {statuses[0]}")
            check(statuses[1][1:] == (200, "hit"), f"B serves A's PDF from the shared cache: {statuses[1]}")
            check(all(status == 200 for _name, status, _cache in statuses), f"{PDF_LIMIT} PDFs over both servers: {statuses}")
            response, _ = use(browser, a).get("/voorbereiding.pdf")
            check(response.status == 429, f"request {PDF_LIMIT + 1} over both servers together is refused (429)")

            # A falls over in the middle of the walk; the parent goes on with B.
            a["process"].send_signal(signal.SIGKILL)
            a["process"].wait(30)
            save_step(browser, b, "wat-wilt-u-vertellen", "tell", {"at_home": f"{marker} thuis"})
            response, body = use(browser, b).get("/controleren/")
            page = body.decode()
            kept = all(text in page for text in (marker, f"{marker} tekent graag", f"{marker} thuis"))
            check(response.status == 200 and kept, "after A was killed, B has every saved step")
        except Exception:
            for server in servers:
                server["log"].flush()
                print((workdir / f"gunicorn-{server['name']}.log").read_text(errors="replace"), file=sys.stderr)
            raise
        finally:
            for server in servers:
                if server["process"].poll() is None:
                    server["process"].send_signal(signal.SIGTERM)
                    try:
                        server["process"].wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        server["process"].kill()
                server["log"].close()
        for server in servers:
            output = (workdir / f"gunicorn-{server['name']}.log").read_text(errors="replace")
            check(marker not in output, f"{server['name']}: gunicorn's output holds none of the typed text")
    print("Two-server smoke test passed.")


if __name__ == "__main__":
    main()
