"""Count requests per browser session and per IP address, to keep costly pages from being abused."""
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60
KEY_MARGIN_SECONDS = 60
logger = logging.getLogger(__name__)


def client_address(request):
    """The visitor's IP address.

    Behind TRUSTED_PROXY_COUNT proxies, each proxy appends the address it saw to
    X-Forwarded-For, so the one our nearest proxies vouch for is that many from the
    right. Anything further left was written by the client and could be made up.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",")] if header else []
    _warn_if_proxies_do_not_match(proxies, forwarded)
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


_warned = set()


def _warn_if_proxies_do_not_match(proxies, forwarded):
    """Say once per process when X-Forwarded-For does not fit TRUSTED_PROXY_COUNT: the limits
    then count the proxy's address, or an address the client made up."""
    if proxies and len(forwarded) < proxies:
        problem = "TRUSTED_PROXY_COUNT is %d, but a request came with %d address(es) in X-Forwarded-For."
    elif not proxies and forwarded:
        problem = "TRUSTED_PROXY_COUNT is %d, but a request came with X-Forwarded-For (%d address(es)); set it if a proxy is in front."
    else:
        return
    if problem not in _warned:
        _warned.add(problem)
        logger.warning(problem, proxies, len(forwarded))


def seconds_to_wait(request, action, limits, window=WINDOW_SECONDS):
    """0 if this request may go ahead, else the seconds until the next window starts.

    ``limits`` maps "session" and "ip" to the number of requests allowed per ``window``
    seconds. Every request counts, also one that then fails. Counts live in Django's
    default cache; ``add`` and ``incr`` are atomic there, so parallel requests lose no count.
    """
    over = False
    for scope, limit in limits.items():
        over = count(request, action, scope, window, add=1) > limit or over
    return _until_next(window) if over else 0


def seconds_blocked(request, action, limit, window):
    """Like seconds_to_wait for one IP address, without counting this request: for limits on
    failures only (wrong bewaarcodes), which record_failure counts."""
    return _until_next(window) if count(request, action, "ip", window) >= limit else 0


def record_failure(request, action, window):
    count(request, action, "ip", window, add=1)


def count(request, action, scope, window, add=0):
    """The count of ``action`` by this session or address in the current window, after adding ``add``."""
    who = request.session.session_key if scope == "session" else client_address(request)
    if not who:
        return 0
    # Hashed: cache keys must be short and plain, and we would rather not hold raw addresses.
    digest = hashlib.sha256(who.encode()).hexdigest()[:32]
    key = f"ratelimit:{action}:{scope}:{digest}:{int(time.time() // window)}"
    if not add:
        return cache.get(key, 0)
    # The window is in the key, so the key may outlive it: it cannot expire between add and
    # incr while its window lasts (an expired key would come back without a time limit in Redis).
    cache.add(key, 0, timeout=window + KEY_MARGIN_SECONDS)
    try:
        return cache.incr(key, add)
    except ValueError:  # gone all the same (evicted): start again at this request
        cache.set(key, add, timeout=window + KEY_MARGIN_SECONDS)
        return add


def _until_next(window):
    return window - int(time.time()) % window
