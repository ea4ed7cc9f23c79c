"""Long links and e-mail addresses on a phone screen."""
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def breakable(address):
    """The address with a place to break after "@" and after a slash that ends a part ("/s/", not "//").

    Without it a narrow screen breaks it anywhere, for example inside the school's name,
    where the break looks like a space that is not there.
    """
    return mark_safe(re.sub(r"(/(?=[^/])|@)", r"\1<wbr>", escape(address)))
