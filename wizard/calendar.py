"""The parent's agenda file (.ics): the gesprek, the follow-up, and a reminder for each dated agreement.

Made with the icalendar library. Times are in Europe/Amsterdam, with its VTIMEZONE; every
event has an alarm the day before, and a UID that stays the same for the same draft and
item, so importing the file again updates the events instead of adding them twice. The
child's first name goes in only when the parent ticked that it may.
"""
import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from . import steps

# A gesprek without an end time: a 10-minutengesprek, with some room either side.
DEFAULT_DURATION = datetime.timedelta(minutes=30)


def build_calendar(answers, draft_id):
    """The .ics file for a draft, as bytes."""
    about = answers[steps.ABOUT].values
    follow_up = answers[steps.FOLLOW_UP].values
    child = about.child_name if follow_up.name_in_calendar else ""
    child_words = child or _("uw kind")
    calendar = Calendar()
    calendar.add("prodid", "-//Pestgesprek//Afspraken met school//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Gesprek met school"))
    if about.date:
        calendar.add_component(
            _event(
                draft_id,
                "gesprek",
                _("Gesprek met school over %(child)s") % {"child": child_words},
                about.date,
                about.time,
                _("Met %(person)s. Neem uw overzicht met vragen mee.") % {"person": answers.conversation_partner},
            )
        )
    if follow_up.date:
        way = str(follow_up.shown("way"))
        person = follow_up.with_whom or answers.conversation_partner
        details = [_("Met %(person)s.") % {"person": person}, way, follow_up.to_discuss]
        calendar.add_component(
            _event(
                draft_id,
                "vervolg",
                _("Vervolg op het gesprek over %(child)s") % {"child": child_words},
                follow_up.date,
                follow_up.time,
                " ".join(part for part in details if part),
            )
        )
    for number, agreement in enumerate(answers.agreements):
        if agreement.when:
            calendar.add_component(
                _event(draft_id, f"afspraak-{number}", _("Afspraak: %(what)s") % {"what": agreement.label}, agreement.when, None, agreement.label)
            )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(draft_id, item, summary, date, time, description):
    event = Event()
    event.add("uid", f"{draft_id}-{item}@pestgesprek")
    event.add("dtstamp", timezone.now())
    event.add("summary", summary)
    event.add("description", description)
    if time is None:
        # No time: an all-day event (a reminder on that day).
        event.add("dtstart", date)
        event.add("dtend", date + datetime.timedelta(days=1))
    else:
        start = datetime.datetime.combine(date, time, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
        event.add("dtstart", start)
        event.add("dtend", start + DEFAULT_DURATION)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", datetime.timedelta(days=-1))
    event.add_component(alarm)
    return event
