"""Turn the catalogue's domain errors into 400 responses that name the field."""

from collections.abc import Iterator
from contextlib import contextmanager

from rest_framework.exceptions import ValidationError

from lessons.lesson02_orm.errors import CatalogueError


# region: domain-errors
@contextmanager
def domain_errors_as_400() -> Iterator[None]:
    """Re-raise a ``CatalogueError`` as DRF's 400 with the error's field."""
    try:
        yield
    except CatalogueError as error:
        raise ValidationError(error.as_dict(), code=error.code) from error


# endregion: domain-errors
