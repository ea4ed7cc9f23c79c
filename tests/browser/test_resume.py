"""The bewaarcode in a real browser: typed with the keyboard only, filled from a QR code's link."""
import re

import pytest
import segno
from django.test import Client
from PIL import Image
from playwright.sync_api import expect

from ..conftest import fill_wizard
from .keyboard import press, type_text

pytestmark = pytest.mark.browser


def _code_for_a_filled_draft():
    client = fill_wizard(Client())
    html = client.post("/bewaarcode/", {"action": "maak"}).content.decode()
    return re.search(r'<bdi dir="ltr">([0-9A-Z-]{14})</bdi>', html).group(1)


@pytest.mark.parametrize("javascript", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_a_parent_types_the_code_with_the_keyboard_and_sees_the_answers(new_context, javascript):
    code = _code_for_a_filled_draft()
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto("/")
    press(page, page.get_by_role("link", name="Heeft u een bewaarcode? Ga dan hier verder."))
    expect(page).to_have_url(re.compile("/verder/$"))
    type_text(page, page.get_by_label("Uw bewaarcode"), code.lower().replace("-", " "))
    press(page, page.get_by_role("button", name="Ga verder"))
    expect(page).to_have_url(re.compile("/controleren/$"))
    expect(page.locator("main")).to_contain_text("Gelukt. U ziet nu de antwoorden van uw bewaarcode.")
    expect(page.locator("main")).to_contain_text("juf Sanne")


def test_the_link_in_the_qr_code_fills_the_field_and_leaves_the_address_bar(page):
    code = _code_for_a_filled_draft()
    page.goto(f"/verder/#{code}")
    expect(page.get_by_label("Uw bewaarcode")).to_have_value(code)
    assert "#" not in page.url
    page.get_by_role("button", name="Ga verder").click()
    expect(page).to_have_url(re.compile("/controleren/$"))


def test_the_qr_code_holds_the_continue_link_with_the_code_in_its_fragment(page, live_server, tmp_path):
    client = fill_wizard(Client())
    page.context.add_cookies([{"name": n, "value": m.value, "url": live_server.url} for n, m in client.cookies.items()])
    page.goto("/bewaarcode/")
    page.get_by_role("button", name="Maak een bewaarcode").click()
    code = page.locator("#bewaarcode").inner_text().strip()
    shot = tmp_path / "qr.png"
    page.locator(".qr svg").screenshot(path=str(shot))
    image = Image.open(shot).convert("L")
    expected = segno.make(f"{live_server.url}/verder/#{code}", error="m", micro=False).matrix
    size = len(expected)
    module = image.width / (size + 8)  # a border of 4 modules on each side
    read = [
        [image.getpixel((int((4 + col + 0.5) * module), int((4 + row + 0.5) * module))) < 128 for col in range(size)]
        for row in range(size)
    ]
    assert read == [[bool(cell) for cell in row] for row in expected]
