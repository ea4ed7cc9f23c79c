"""What Redis as the shared cache costs: the load test without PDFs, without and with REDIS_URL, alternating.

The Redis is our own throwaway redis-server on a unix socket under /tmp (tests/redis_server.py,
as scripts/with_redis.sh starts one), removed at the end. Each run is a fresh gunicorn and
locust's ParentWithoutPdf walk; runs alternate so that drift on the shared machine touches
both alike. Besides gunicorn's CPU per request, redis-server's own CPU is counted.
"""
import os
import statistics

from .load import measure_load

SECONDS = int(os.environ.get("BENCH_REDIS_SECONDS", "30"))
PAIRS = int(os.environ.get("BENCH_REDIS_PAIRS", "2"))


def redis_server():
    """A started throwaway redis-server (call .remove() when done) and a client for it."""
    import redis

    from tests.redis_server import RedisServer

    server = RedisServer().start()
    return server, redis.Redis(unix_socket_path=server.socket)


def _cpu(process):
    import psutil

    times = psutil.Process(process.pid).cpu_times()
    return times.user + times.system


def measure_redis_load():
    server, client = redis_server()
    runs = {"without": [], "with": []}
    try:
        for number in range(PAIRS):
            for mode in ("without", "with"):
                client.flushall()
                env = {"REDIS_URL": server.url} if mode == "with" else {}
                before = _cpu(server.process)
                client.config_resetstat()
                result = measure_load("ParentWithoutPdf", env=env, seconds=SECONDS, name=f"-{mode}-redis-{number}")
                requests = max(result["all"]["requests"], 1)
                result["redis_cpu_ms_per_request"] = (_cpu(server.process) - before) * 1000 / requests
                stats = client.info("commandstats").items()
                calls = sum(values["calls"] for name, values in stats if not name.startswith(("cmdstat_config", "cmdstat_info")))
                result["redis_commands_per_request"] = calls / requests
                runs[mode].append(result)
    finally:
        server.remove()
    summary = {}
    for mode, results in runs.items():
        summary[mode] = {
            "step_rps": statistics.mean(r["steps"]["per_second"] for r in results),
            "p95_ms": statistics.mean(r["steps"]["p95_ms"] for r in results),
            "cpu_ms": statistics.mean(r["cpu_ms_per_request"] for r in results),
            "redis_cpu_ms": statistics.mean(r["redis_cpu_ms_per_request"] for r in results),
            "redis_commands": statistics.mean(r["redis_commands_per_request"] for r in results),
            "failures": sum(r["all"]["failures"] for r in results),
        }
    extra = summary["with"]["cpu_ms"] - summary["without"]["cpu_ms"]
    return {
        "runs": runs,
        "summary": summary,
        "extra_cpu_ms": extra,
        "extra_total_ms": extra + summary["with"]["redis_cpu_ms"],
        "seconds": SECONDS,
        "pairs": PAIRS,
    }


def rows(result, verdict):
    without, with_ = result["summary"]["without"], result["summary"]["with"]
    return [
        f"| load without PDFs, without / with Redis ({result['pairs']} alternating pairs of {result['seconds']} s): step requests/s | "
        f"{without['step_rps']:.0f}/s / {with_['step_rps']:.0f}/s; p95 {without['p95_ms']:.0f} / {with_['p95_ms']:.0f} ms | | |",
        f"| Redis: gunicorn CPU per request without / with; redis-server's own | {without['cpu_ms']:.2f} / {with_['cpu_ms']:.2f} ms; "
        f"{with_['redis_cpu_ms']:.3f} ms | | |",
        f"| Redis overhead per request (gunicorn's difference plus redis-server; {with_['redis_commands']:.2f} Redis commands "
        f"per request in these walks) | {result['extra_total_ms']:+.2f} ms ({result['extra_total_ms'] / without['cpu_ms']:+.0%}) | | |",
    ]


def details(result):
    lines = [
        "Redis as the shared cache, the load test without PDFs (runs in the order made; CPU per request is gunicorn's workers):",
        "",
        "| run | REDIS_URL | step requests/s | step p95 | errors | gunicorn CPU per request | redis-server CPU per request | "
        "Redis commands per request |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for number in range(result["pairs"]):
        for mode in ("without", "with"):
            run = result["runs"][mode][number]
            redis_cpu = f"{run['redis_cpu_ms_per_request']:.3f} ms | {run['redis_commands_per_request']:.2f}" if mode == "with" else " |"
            lines.append(
                f"| {2 * number + (mode == 'with') + 1} | {mode} | {run['steps']['per_second']:.0f}/s | {run['steps']['p95_ms']:.0f} ms | "
                f"{run['all']['failures']} | {run['cpu_ms_per_request']:.2f} ms | {redis_cpu} |"
            )
    commands = result["summary"]["with"]["redis_commands"]
    lines += [
        "",
        f"A walk without a PDF asks Redis almost nothing ({commands:.2f} commands per request: the new-draft count when a "
        "draft starts, and the cache delete when it is wiped), so what Redis adds to these walks is far below the drift "
        "between runs on this machine: the difference above is mostly that drift, and its sign can go either way. What "
        "a PDF asks of Redis, and what one command costs, is in the next section.",
    ]
    return lines
