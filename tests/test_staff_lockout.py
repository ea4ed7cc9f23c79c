"""Staff log-in: ten wrong passwords lock the account out for a while, with a Dutch page; then it works again."""
import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("juf@voorbeeldschool.invalid", password="goed-wachtwoord-42", is_staff=True)


def _log_in(password, address="192.0.2.80"):
    client = Client(REMOTE_ADDR=address)
    return client, client.post(LOGIN, {"username": "juf@voorbeeldschool.invalid", "password": password, "next": "/beheer/"})


def test_ten_wrong_passwords_lock_the_account_with_a_dutch_page(staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 10
    for attempt in range(9):
        assert _log_in(f"fout-{attempt}")[1].status_code == 200
    locked = _log_in("fout-10")[1]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Even geblokkeerd" in html and "Er is 10 keer een verkeerd wachtwoord gebruikt." in html
    assert int(locked["Retry-After"]) == settings.STAFF_LOCKOUT_MINUTES * 60
    # Now even the right password is refused, also from another address.
    assert _log_in("goed-wachtwoord-42", address="192.0.2.81")[1].status_code == 429


def test_the_right_password_works_again_after_the_cool_off(staff, settings):
    for attempt in range(10):
        _log_in(f"fout-{attempt}")
    assert _log_in("goed-wachtwoord-42")[1].status_code == 429
    # The attempts are in the database, shared by every app server; let the cool-off pass.
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.timezone.utc) - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1))
    client, response = _log_in("goed-wachtwoord-42")
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_guessing_many_accounts_from_one_address_is_locked_out_too(django_user_model):
    for number in range(10):
        Client(REMOTE_ADDR="192.0.2.90").post(LOGIN, {"username": f"iemand{number}@school.invalid", "password": "raden"})
    assert Client(REMOTE_ADDR="192.0.2.90").post(LOGIN, {"username": "nog@school.invalid", "password": "raden"}).status_code == 429
    assert Client(REMOTE_ADDR="192.0.2.91").post(LOGIN, {"username": "nog@school.invalid", "password": "raden"}).status_code == 200
