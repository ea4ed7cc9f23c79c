"""Parents walk the whole wizard (and download the PDF), then wipe their data and start again."""
import itertools
import re
from urllib.parse import urlencode

from locust import FastHttpUser, constant, task

from tests.answers import FULL_ANSWERS

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
_numbers = itertools.count()


class Parent(FastHttpUser):
    """Walks every step, checks the answers, downloads the PDF: the evening before the gesprekken."""

    wait_time = constant(0)  # no reading time: this measures capacity, not a realistic evening
    downloads_pdf = True

    def post_form(self, url, page, data, name):
        # As a browser does: every hidden field of the page's form goes along (CSRF token, step key, confirmation).
        data = {**dict(HIDDEN.findall(page.text)), **data}
        return self.client.post(url, data=urlencode(data, doseq=True), headers=FORM, name=name, allow_redirects=False)

    @task
    def prepare_a_conversation(self):
        walk = next(_numbers)
        for slug, answers in FULL_ANSWERS.items():
            url = f"/stap/{slug}/"
            page = self.client.get(url, name="stap GET")
            if "likes" in answers:
                answers = {**answers, "likes": f"Gym en tekenen ({walk})"}  # every draft its own PDF
            self.post_form(url, page, {**answers, "action": "volgende"}, "stap POST")
        self.client.get("/controleren/", name="controleren")
        if self.downloads_pdf:
            self.client.get("/voorbereiding.pdf?download=1", name="pdf")
        page = self.client.get("/wissen/", name="wissen GET")
        self.post_form("/wissen/", page, {}, "wissen POST")


class ParentWithoutPdf(Parent):
    """The same walk without the PDF: how many step requests the server can take on its own."""

    downloads_pdf = False
