"""Drive a page with the keyboard only, as a parent without a mouse would.

Tab and Shift+Tab move the focus, Space ticks a box or picks a radio button, Enter follows
a link or presses a button. Inside a group of radio buttons the arrow keys move the choice:
that is how browsers make such a group one stop in the tab order.
"""
import datetime

MAX_TAB_STOPS = 120

# Debian's Chromium ships only the en-US locale, so a date field takes month, day, year.
# type_date() checks the value afterwards and fails loudly if that ever changes.
DATE_FORMAT = "%m%d%Y"


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def _focus_is_before(locator):
    return locator.evaluate(
        "element => !!(document.activeElement.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )


def tab_to(page, locator, focused=is_focused):
    """Press Tab (or Shift+Tab, when the target lies behind) until ``locator`` has the focus."""
    key = "Tab" if _focus_is_before(locator) else "Shift+Tab"
    for _ in range(MAX_TAB_STOPS):
        if focused(locator):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} never reached {locator}")


def _in_radio_group(name):
    def focused(locator):
        return locator.page.evaluate("name => document.activeElement.name === name", name)

    return focused


def type_text(page, locator, text):
    tab_to(page, locator)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


def type_date(page, locator, iso_date):
    tab_to(page, locator)
    page.keyboard.type(datetime.date.fromisoformat(iso_date).strftime(DATE_FORMAT))
    assert locator.input_value() == iso_date, "the date field takes its parts in another order"


def choose_radio(page, name, value):
    group = page.locator(f"input[type=radio][name='{name}']")
    tab_to(page, group.first, focused=_in_radio_group(name))
    values = [group.nth(i).get_attribute("value") for i in range(group.count())]
    current = page.evaluate("() => document.activeElement.value")
    steps = values.index(value) - values.index(current)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    page.keyboard.press("Space")
    assert group.nth(values.index(value)).is_checked()


def tick(page, locator):
    tab_to(page, locator)
    if not locator.is_checked():
        page.keyboard.press("Space")
    assert locator.is_checked()


def fill_form(page, answers):
    """Fill in one step's form field by field, in page order, from the keyboard."""
    for name, value in answers.items():
        field = page.locator(f"[name='{name}']")
        kind = field.first.get_attribute("type") or field.first.evaluate("element => element.tagName.toLowerCase()")
        if kind == "radio":
            choose_radio(page, name, value)
        elif kind == "checkbox":
            for item in value:
                tick(page, page.locator(f"[name='{name}'][value='{item}']"))
        elif kind == "date":
            type_date(page, field, value)
        elif value:
            type_text(page, field, value)


def press(page, locator, key="Enter"):
    """Move the focus to a link or button and press it."""
    tab_to(page, locator)
    page.keyboard.press(key)
