"""Redis commands per request, by kind: one parent's walk against gunicorn with REDIS_URL.

Before each request the server's command statistics are reset (CONFIG RESETSTAT); after
it, INFO commandstats says which commands it ran and how often. The walk is the load
test's: every step (GET, POST), the check page, the PDF twice (rendered, then from the
cache), the privacy page, and wiping the data.
"""
import collections
import re

from .redis_load import redis_server
from .server import URL, gunicorn

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def _commands(client):
    """{command: calls} since the last reset, without our own CONFIG RESETSTAT and INFO."""
    stats = client.info("commandstats")
    commands = {name.removeprefix("cmdstat_").upper(): values["calls"] for name, values in stats.items()}
    return {name: calls for name, calls in commands.items() if name.split("|")[0] not in ("CONFIG", "INFO")}


def measure_redis_ops():
    import html

    import requests  # comes with locust

    from tests.answers import FULL_ANSWERS

    server, client = redis_server()
    seen = collections.defaultdict(list)
    try:
        with gunicorn(env={"REDIS_URL": server.url}, workers=1):
            browser = requests.Session()

            def count(kind, method, path, data=None):
                client.config_resetstat()
                if method == "GET":
                    response = browser.get(URL + path, allow_redirects=False)
                else:
                    response = browser.post(URL + path, data=data, allow_redirects=False)
                seen[kind].append(_commands(client))
                return response

            count("start page", "GET", "/")
            for number, (slug, answers) in enumerate(FULL_ANSWERS.items()):
                kind = "first step" if number == 0 else "later steps"
                page = count(f"{kind} GET", "GET", f"/stap/{slug}/")
                hidden = {name: html.unescape(value) for name, value in HIDDEN.findall(page.text)}
                response = count(f"{kind} POST (save)", "POST", f"/stap/{slug}/", {**hidden, **answers, "action": "volgende"})
                assert response.status_code == 302, (slug, response.status_code)
            count("check page", "GET", "/controleren/")
            assert count("PDF, rendered", "GET", "/voorbereiding.pdf").headers["X-Pestgesprek-Cache"] == "miss"
            assert count("PDF, from the cache", "GET", "/voorbereiding.pdf").headers["X-Pestgesprek-Cache"] == "hit"
            count("privacy page", "GET", "/privacy/")
            page = count("wipe GET", "GET", "/wissen/")
            hidden = {name: html.unescape(value) for name, value in HIDDEN.findall(page.text)}
            count("wipe POST", "POST", "/wissen/", hidden)
        cost = command_cost(server.url, client)
    finally:
        server.remove()
    result = {}
    for kind, samples in seen.items():
        total = collections.Counter()
        for sample in samples:
            total.update(sample)
        result[kind] = {"per_request": sum(total.values()) / len(samples), "commands": dict(total), "requests": len(samples)}
    return {"kinds": result, "cost": cost}


COST_ROUNDS = 2000


def command_cost(url, client):
    """CPU and clock time an app process spends per Redis command, through the app's own cache backend.

    The mix of a rendered PDF: a rate-limit count (add, then incr: SET NX, EXISTS, INCRBY),
    the documents cache (GET, SET of a 20 KB PDF) and the render lock (SET NX, DEL).
    """
    import time

    from pestgesprek.cache import FailOpenRedisCache

    cache = FailOpenRedisCache(url, {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}})
    body = b"%PDF" + bytes(20 * 1024)
    client.config_resetstat()
    cpu, clock = time.process_time(), time.perf_counter()
    for number in range(COST_ROUNDS):
        cache.add(f"count:{number}", 0, timeout=120)
        cache.incr(f"count:{number}")
        cache.get(f"pdf:{number % 50}")
        cache.set(f"pdf:{number % 50}", body, timeout=600)
        cache.add(f"lock:{number}", 1, timeout=15)
        cache.delete(f"lock:{number}")
    cpu, clock = time.process_time() - cpu, time.perf_counter() - clock
    stats = client.info("commandstats")
    served = {name: values for name, values in stats.items() if name.removeprefix("cmdstat_").split("|")[0] not in ("config", "info")}
    commands = sum(values["calls"] for values in served.values())
    server_us = sum(values["usec"] for values in served.values())
    return {
        "commands": commands,
        "cpu_us": cpu * 1e6 / commands,
        "clock_us": clock * 1e6 / commands,
        # What redis-server itself spends executing one (INFO commandstats' usec), without its network work.
        "server_us": server_us / commands,
    }


def rows(result, verdict):
    kinds = result["kinds"]
    per = [kinds[kind]["per_request"] for kind in ("later steps GET", "later steps POST (save)", "PDF, rendered", "PDF, from the cache")]
    return [
        "| Redis commands per request: step GET / step POST / PDF rendered / PDF from the cache | "
        + " / ".join(f"{value:.0f}" for value in per)
        + f"; {kinds['first step POST (save)']['per_request']:.0f} for the save that starts a draft | | |"
    ]


def details(result):
    lines = [
        "Redis commands per request (INFO commandstats around each request of one walk; gunicorn with REDIS_URL):",
        "",
        "| request | requests | Redis commands per request | which (in all) |",
        "|---|---|---|---|",
    ]
    for kind, row in result["kinds"].items():
        which = ", ".join(f"{name} {calls}" for name, calls in sorted(row["commands"].items())) or "none"
        lines.append(f"| {kind} | {row['requests']} | {row['per_request']:.1f} | {which} |")
    cost = result["cost"]
    lines += [
        "",
        f"One command through the app's cache backend (pestgesprek/cache.py, a unix socket; the mix of a rendered PDF, "
        f"{cost['commands']} commands): {cost['cpu_us']:.0f} µs of the app process's CPU and {cost['clock_us']:.0f} µs "
        f"on the clock each; redis-server spends {cost['server_us']:.1f} µs executing one (INFO commandstats, without "
        "reading and writing the socket).",
    ]
    return lines
