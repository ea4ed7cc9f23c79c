"""Long links and e-mail addresses break where a reader expects it, and stay escaped (wizard/templatetags/links.py)."""
import re

from django.utils.html import escape
from django.utils.safestring import SafeString
from hypothesis import given
from hypothesis import strategies as st

from wizard.templatetags.links import breakable


def test_an_address_breaks_after_the_at_sign_and_after_a_slash_that_ends_a_part():
    assert breakable("http://pestgesprek.example/s/de-regenboog/") == "http://<wbr>pestgesprek.example/<wbr>s/<wbr>de-regenboog/"
    assert breakable("juf.sanne@school.example") == "juf.sanne@<wbr>school.example"


def test_markup_in_an_address_is_escaped_and_only_our_breaks_are_html():
    html = breakable('"><script>alert(1)</script>@x')
    assert isinstance(html, SafeString)
    assert html == "&quot;&gt;&lt;script&gt;alert(1)&lt;/<wbr>script&gt;@<wbr>x"


@given(st.text(alphabet="/@<>&\"'a \n", max_size=20))
def test_it_is_the_escaped_address_with_a_break_after_every_at_sign_and_part_ending_slash(address):
    # The rule as one regular expression on the escaped text: "/" and "@" are never escaped.
    assert breakable(address) == re.sub(r"(/(?=[^/])|@)", r"\1<wbr>", escape(address))
