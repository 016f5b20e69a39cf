"""Object-level permission: a learner's records are theirs alone."""

from operator import attrgetter

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


# region: owner-permission
class IsOwnLearnerRecord(BasePermission):
    """Allow an object only to the learner it belongs to.

    The viewsets already scope their querysets to the requesting learner, so
    another learner's record is a 404; this check is the second lock, for the
    day someone widens a queryset. The view names the owner's id attribute in
    ``owner_id_attribute``, for example ``"enrollment.learner_id"``.
    """

    message = "This record belongs to another learner."

    def has_object_permission(self, request: Request, view, obj) -> bool:
        return attrgetter(view.owner_id_attribute)(obj) == request.user.pk


# endregion: owner-permission
