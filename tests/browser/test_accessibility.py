"""Accessibility of every kind of page: axe-core finds no WCAG A/AA problem, text zoom hides nothing."""
import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import PAGES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("page_type", PAGES, ids=lambda p: p.name)
def test_axe_finds_no_wcag_violations(open_page, page_type):
    page = open_page(page_type)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()


ZOOM_TEXT_200 = "document.documentElement.style.fontSize = '200%'"
# Elements whose right edge sticks out of the viewport; visually hidden text does not count.
# A data table may scroll sideways inside its own focusable region (WCAG 1.4.10 allows
# that for tables); everything else must fit the screen.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
             && el.getBoundingClientRect().width > 1 && getComputedStyle(el).position !== 'absolute'
             && !el.closest('[role=region][tabindex="0"]'))
  .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + (el.textContent || '').trim().slice(0, 40))"""


# Dutch, and Arabic for the right-to-left layout; English lays out as Dutch does.
@pytest.mark.parametrize("page_type", [p for p in PAGES if p.language in ("nl", "ar")], ids=lambda p: p.name)
def test_text_zoomed_to_200_percent_hides_no_content_or_buttons(open_page, page_type, output_path):
    page = open_page(page_type)
    page.evaluate(ZOOM_TEXT_200)
    # Kept in test-results/ for a person to look at.
    page.screenshot(path=os.path.join(output_path, "tekst-200-procent.png"), full_page=True)
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    for button in page.locator("main button, main .button").all():
        assert button.is_visible(), button
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], button
