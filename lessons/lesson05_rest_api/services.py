"""The API's own writes: registering a learner and leaving a course."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from rest_framework.authtoken.models import Token

from lessons.lesson02_orm.errors import CatalogueError
from lessons.lesson02_orm.models import Enrollment

logger = logging.getLogger(__name__)


class UsernameTaken(CatalogueError):
    """Another account already has this username."""

    code = "username_taken"
    field = "username"


# region: learner-register
def learner_register(*, username: str, email: str, password: str) -> Token:
    """Create a learner account and return its API token."""
    User = get_user_model()
    try:
        with transaction.atomic():
            user = User.objects.create_user(username, email, password)
            token = Token.objects.create(user=user)
    except IntegrityError:
        # Two sign-ups with one name can both pass the serializer's check.
        raise UsernameTaken("A learner with that username already exists.") from None
    logger.info("learner %s registered", user.pk)
    return token


# endregion: learner-register


def token_for(*, user: AbstractBaseUser) -> Token:
    """Return ``user``'s API token, creating it on first login."""
    try:
        with transaction.atomic():
            token, _ = Token.objects.get_or_create(user=user)
    except IntegrityError:
        # A concurrent login created it between the get and the create.
        token = Token.objects.get(user=user)
    return token


def token_revoke(*, user: AbstractBaseUser) -> None:
    """Delete ``user``'s API token, so that it stops working everywhere."""
    Token.objects.filter(user=user).delete()
    logger.info("learner %s revoked their token", user.pk)


def enrollment_withdraw(*, enrollment: Enrollment) -> None:
    """Delete an enrollment and, with it, the learner's progress in the course."""
    pk = enrollment.pk
    enrollment.delete()
    logger.info("enrollment %s withdrawn", pk)
