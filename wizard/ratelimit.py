"""Count requests per browser session and per IP address, to keep costly pages from being abused."""
import hashlib
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def client_address(request):
    """The visitor's IP address.

    Behind TRUSTED_PROXY_COUNT proxies, each proxy appends the address it saw to
    X-Forwarded-For, so the one our nearest proxies vouch for is that many from the
    right. Anything further left was written by the client and could be made up.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def seconds_to_wait(request, action, limits, window=WINDOW_SECONDS):
    """0 if this request may go ahead, else the seconds until the next window starts.

    ``limits`` maps "session" and "ip" to the number of requests allowed per ``window``
    seconds. Every request counts, also one that then fails. Counts live in Django's
    default cache; ``add`` and ``incr`` are atomic there, so parallel requests lose no count.
    """
    now = time.time()
    slot = int(now // window)
    who = {"session": request.session.session_key, "ip": client_address(request)}
    over = False
    for scope, limit in limits.items():
        if not who[scope]:
            continue
        # Hashed: cache keys must be short and plain, and we would rather not hold raw addresses.
        digest = hashlib.sha256(who[scope].encode()).hexdigest()[:32]
        key = f"ratelimit:{action}:{scope}:{digest}:{slot}"
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr, at the very end of the window
            count = 1
            cache.set(key, count, timeout=window)
        over = over or count > limit
    return window - int(now) % window if over else 0
