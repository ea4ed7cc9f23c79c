"""Long links and e-mail addresses on a phone screen."""
import re

from django import template
from django.utils.html import escape, format_html_join

register = template.Library()

# Where a long address may break: after "@", and after a slash that ends a part ("/s/", not "//").
BREAKS = re.compile(r"(?<=@)|(?<=/)(?=[^/])")


@register.filter
def breakable(address):
    """The address with a place to break after "@" and after a slash that ends a part ("/s/", not "//").

    Without it a narrow screen breaks it anywhere, for example inside the school's name,
    where the break looks like a space that is not there. The parts are escaped and the
    <wbr> between them is our own markup, so nothing here is marked safe by hand.
    """
    *parts, last = BREAKS.split(str(address))
    return format_html_join("", "{}<wbr>", ((part,) for part in parts)) + escape(last)
