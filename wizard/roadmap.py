"""The roadmap "Als het niet goed loopt": the seed's ladder (wizard.ladder), filled in for one parent.

The ladder keeps the source's order. What the parent told only adds a calm note, "Past bij
wat u vertelde", that points to the rungs that fit and says why. One deviation from the
source's order is made, and said on the page: in secondary school the mentor comes first.
"""
import re
from dataclasses import dataclass, field

from django.urls import reverse

from . import ladder
from .models import SupportContact


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    when: str
    bring: str = ""
    person: str = ""
    contact: str = ""
    website: str = ""
    website_href: str = ""
    link: str = ""
    link_href: str = ""

    @property
    def anchor(self):
        return f"hulp-{self.key}"

    @property
    def contact_href(self):
        return contact_href(self.contact)


@dataclass(frozen=True)
class Fitting:
    """One rung that fits what the parent told, and why."""

    item: Item
    reason: str


@dataclass
class Roadmap:
    inside: list = field(default_factory=list)
    outside: list = field(default_factory=list)
    too_little: list = field(default_factory=list)
    for_child: list = field(default_factory=list)
    fits: list = field(default_factory=list)
    school: object = None
    # Why the ladder starts with the mentor, when it does.
    mentor_first: str = ""
    # The school's pestprotocol: {"link": shown address, "link_href": our outbound address}.
    protocol: dict = field(default_factory=dict)
    summary: tuple = tuple(ladder.SUMMARY)

    def keys(self, section):
        return [item.key for item in getattr(self, section)]

    def fit_keys(self):
        return [fitting.item.key for fitting in self.fits]

    def items(self):
        return [*self.inside, *self.outside, *self.too_little, *self.for_child]


PHONE_START = re.compile(r"\+?[0-9][0-9 \-]{5,}[0-9]")


def contact_href(text):
    """A mailto: or tel: link for an e-mail address or a phone number at the start of ``text``."""
    text = (text or "").strip()
    if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        return f"mailto:{text}"
    match = PHONE_START.match(text)
    if match:
        return "tel:" + re.sub(r"[ \-]", "", match.group())
    return ""


def build_roadmap(answers=None, school=None):
    """The ladder inside school, outside help and what to do when the school does too little.

    ``answers`` (wizard.answers.Answers) fits it to a draft; without, it is the general ladder.
    """
    school = school or (answers.school if answers is not None else None)
    contacts = {contact.key: contact for contact in SupportContact.objects.all()}

    def items(rungs):
        made = (_item(rung, school, contacts, answers) for rung in rungs)
        return [item for item in made if item is not None]

    roadmap = Roadmap(
        inside=items(ladder.INSIDE),
        outside=items(ladder.OUTSIDE),
        too_little=items(ladder.TOO_LITTLE),
        for_child=items(ladder.FOR_CHILD),
        school=school,
        protocol=_school_link(school, "pestprotocol"),
    )
    if answers is not None and answers.in_secondary_school:
        mentor = next(item for item in roadmap.inside if item.key == "mentor")
        roadmap.inside = [mentor, *(item for item in roadmap.inside if item.key not in ("leerkracht", "mentor"))]
        roadmap.mentor_first = str(ladder.MENTOR_FIRST)
    if answers is not None:
        roadmap.fits = _fits(roadmap, answers.facts)
    return roadmap


def _item(rung, school, contacts, answers):
    if rung.contact and not rung.title:
        contact = contacts.get(rung.contact)
        if contact is None:
            return None
        return Item(
            rung.key,
            contact.name,
            contact.when_it_helps,
            contact.what_to_bring,
            contact=contact.published_phone,
            **_website(contact),
        )
    person, contact = school.person(rung.role) if school is not None and rung.role else ("", "")
    if rung.partner_role and answers is not None:
        person = answers.partner_name(rung.partner_role)
    return Item(
        rung.key,
        rung.title,
        rung.when,
        rung.bring,
        person=person,
        contact=contact,
        **_website(contacts.get(rung.contact)),
        **_school_link(school, rung.school_link),
    )


def _website(contact):
    """The contact's website as shown, and a link through our own origin (see views.outbound_contact)."""
    if contact is None:
        return {}
    href = reverse("wizard:outbound_contact", args=[contact.key]) if contact.website_url else ""
    return {"website": contact.website, "website_href": href}


def _school_link(school, name):
    """One of the school's own links as shown, and a link through our own origin."""
    if school is None or not name or not school.link(name):
        return {}
    return {"link": school.link(name), "link_href": reverse("wizard:outbound_school", args=[school.slug, name])}


def _fits(roadmap, facts):
    """The rungs that fit the facts, in the rules' order, each with its reason."""
    by_key = {item.key: item for item in roadmap.items()}
    return [
        Fitting(by_key[key], fit.reason)
        for fit in ladder.FITS
        if fit.applies(facts)
        for key in fit.keys
        if key in by_key
    ]
