"""Every page's references hold: unique ids, and every label, description and in-page link
points to an element that exists. axe checks much of this in the browser tests; this runs
on every page type without a browser, so a broken id shows up in the fast tests too."""
from collections import Counter
from html.parser import HTMLParser

import pytest

from .conftest import html_pages

pytestmark = pytest.mark.django_db


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()
        self.references = []  # (what, id it points to)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if tag == "label" and attrs.get("for"):
            self.references.append(("label for", attrs["for"]))
        for name in ("aria-describedby", "aria-labelledby", "aria-controls"):
            for target in (attrs.get(name) or "").split():
                self.references.append((name, target))
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.references.append(("link", href[1:]))


def test_ids_are_unique_and_every_reference_finds_its_element(every_page):
    pages = html_pages(every_page)
    assert any("govuk-error-message" in r.content.decode() for r in pages.values())  # errors are among them
    for name, response in pages.items():
        found = References()
        found.feed(response.content.decode())
        assert found.references, name
        doubles = [element for element, count in found.ids.items() if count > 1]
        assert not doubles, (name, doubles)
        missing = [(what, target) for what, target in found.references if target not in found.ids]
        assert not missing, (name, missing)
