"""How the tests and benchmarks start Debian's Chromium (Playwright cannot download browsers here)."""
import os

EXECUTABLE = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium waits on refused connections here.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
